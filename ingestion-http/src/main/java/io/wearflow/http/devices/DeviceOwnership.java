package io.wearflow.http.devices;

import io.wearflow.http.auth.ExpiringCache;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Whether a manager owns a device, for {@code POST /v1/devices/{device}/frames}: a device posts
 * frames many times a second, and each would otherwise cost a database round trip. A confirmed
 * ownership is reused for {@link #TTL} (2 s); a device that is not (or no longer) owned is looked
 * up every time, so a foreign or unknown device is always refused. Deleting or changing a device
 * through this edge instance forgets it at once; through another instance, frames for a device
 * deleted less than the TTL ago may still be accepted (harmless: the timeframe job drops frames of
 * devices without a timeframe, and a device in use by a timeframe cannot be deleted).
 */
final class DeviceOwnership {

  /** How long a confirmed ownership is reused. */
  static final Duration TTL = Duration.ofSeconds(2);

  /** How many (owner, device) pairs are remembered. */
  static final int MAX_ENTRIES = 4096;

  /** Plain equals and hashCode: a record's are bootstrapped method handles, slow until JIT-ed. */
  private static final class Key {
    final long owner;
    final long device;

    Key(long owner, long device) {
      this.owner = owner;
      this.device = device;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.owner == owner && key.device == device;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(owner) * 31 + Long.hashCode(device);
    }
  }

  private final Devices devices;
  private final long ttlNanos;
  private final LongSupplier nanoTicks;
  private final ExpiringCache<Key, Boolean> owned;

  DeviceOwnership(Devices devices) {
    this(devices, TTL, MAX_ENTRIES, System::nanoTime);
  }

  /**
   * @param nanoTicks "now" in nanoseconds of any origin ({@link System#nanoTime()})
   */
  DeviceOwnership(Devices devices, Duration ttl, int maxEntries, LongSupplier nanoTicks) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.ttlNanos = ttl.toNanos();
    this.nanoTicks = nanoTicks;
    this.owned = new ExpiringCache<>(maxEntries, nanoTicks);
  }

  /** Whether {@code owner} owns {@code device} ({@link Devices#findOwned}), at most TTL old. */
  boolean owns(long owner, long device) {
    Key key = new Key(owner, device);
    if (owned.get(key) != null) {
      return true;
    }
    long stamp = owned.stamp();
    boolean found = devices.findOwned(owner, device).isPresent();
    if (found) {
      owned.put(key, Boolean.TRUE, nanoTicks.getAsLong() + ttlNanos, stamp);
    }
    return found;
  }

  /** Forgets every ownership of {@code device}, whoever the owner. */
  void forget(long device) {
    owned.invalidateIf(key -> key.device == device);
  }

  int size() {
    return owned.size();
  }
}
