package io.wearflow.infra.bench;

import java.util.Arrays;

/**
 * Percentiles of recorded latencies by the nearest-rank method: the p-th percentile of n values is
 * the value at rank ceil(p / 100 * n) in ascending order, so it is always a value that was
 * measured.
 */
public final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /** The percentiles of {@code values} (copied; any unit, e.g. nanoseconds). */
  public static Percentiles of(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * The {@code p}-th percentile, 0 &lt; p &le; 100.
   *
   * @throws IllegalStateException when nothing was recorded
   */
  public long at(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no values recorded");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** The {@code p}-th percentile of nanosecond values in milliseconds. */
  public double millisAt(double p) {
    return at(p) / 1e6;
  }
}
