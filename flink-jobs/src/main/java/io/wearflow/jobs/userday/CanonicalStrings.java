package io.wearflow.jobs.userday;

/**
 * Returns one shared instance for equal strings that repeat across measurements (source, device
 * name and id, data type, device version). A user's state holds thousands of measurement identities
 * carrying the same few strings: sharing them saves memory, and comparing a new identity with a
 * stored one then mostly succeeds on reference equality without reading either string's bytes,
 * which is most of the cost of a state lookup.
 *
 * <p>A direct-mapped cache of {@value #SLOTS} slots: bounded, no eviction bookkeeping, and safe to
 * share between threads (a racing write only loses a cache entry; strings are immutable).
 */
final class CanonicalStrings {

  private static final int SLOTS = 4096;
  private static final String[] CACHE = new String[SLOTS];

  private CanonicalStrings() {}

  /** A string equal to {@code value} (null for null), shared when it was seen recently. */
  static String of(String value) {
    if (value == null) {
      return null;
    }
    int slot = value.hashCode() & (SLOTS - 1);
    String cached = CACHE[slot];
    if (value.equals(cached)) {
      return cached;
    }
    CACHE[slot] = value;
    return value;
  }
}
