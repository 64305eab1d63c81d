package io.wearflow.jobs.userday;

import java.util.Arrays;

/**
 * The heart rates of the measurements overlapping one user-day, as a sorted multiset of milli-bpm
 * values: the day's minimum and maximum stay exact when a correction takes a value back. Heart
 * rates repeat a lot (whole bpm), so the set stays small.
 *
 * <p>A mutable holder with public fields so that Flink serializes it as a POJO without Kryo; only
 * {@link UserDayAccumulator} changes it.
 */
public final class HeartRates {

  /** Distinct values in use. */
  public int size;

  /** Distinct heart rates in milli-bpm, ascending. */
  public long[] milliBpm = new long[0];

  /** How many measurements have each value. */
  public int[] counts = new int[0];

  public HeartRates() {}

  /** Adds {@code count} (negative to take back) measurements of {@code value} milli-bpm. */
  void add(long value, int count) {
    int at = Arrays.binarySearch(milliBpm, 0, size, value);
    if (at < 0) {
      at = -at - 1;
      if (size == milliBpm.length) {
        int capacity = Math.max(4, size * 2);
        milliBpm = Arrays.copyOf(milliBpm, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      System.arraycopy(milliBpm, at, milliBpm, at + 1, size - at);
      System.arraycopy(counts, at, counts, at + 1, size - at);
      milliBpm[at] = value;
      counts[at] = 0;
      size++;
    }
    counts[at] += count;
    if (counts[at] == 0) {
      System.arraycopy(milliBpm, at + 1, milliBpm, at, size - at - 1);
      System.arraycopy(counts, at + 1, counts, at, size - at - 1);
      size--;
    }
  }

  /** Whether the day has no heart rate. */
  boolean isEmpty() {
    return size == 0;
  }

  /** The lowest heart rate, milli-bpm; only when not empty. */
  long min() {
    return milliBpm[0];
  }

  /** The highest heart rate, milli-bpm; only when not empty. */
  long max() {
    return milliBpm[size - 1];
  }
}
