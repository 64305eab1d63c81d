package io.wearflow.jobs.userday;

/**
 * Everything the job keeps about one user-day, maintained incrementally as measurements are added,
 * corrected or moved, so that publishing the day costs one pass over its minutes rather than over
 * its measurements.
 *
 * <p>A mutable holder with public fields so that Flink serializes it as a POJO (with schema
 * evolution) without Kryo; only {@link UserDayAccumulator} changes it.
 */
public final class DayState {

  /** Day-start hour of the latest measurement added to the day. */
  public int dayStartHour;

  /**
   * Largest received_at of the changes applied to the day, epoch milliseconds: it never decreases,
   * so a later publication of the day never carries an earlier updated_at.
   */
  public long updatedAtMillis = Long.MIN_VALUE;

  /** How many times the day was published. */
  public long version;

  /** Whether the day changed since it was last published. */
  public boolean dirty;

  /** Distinct measurements overlapping the day. */
  public int sampleCount;

  /** Per-minute sums. */
  public MinuteSums minutes = new MinuteSums();

  /** Per (source, device) sums. */
  public SourceSums sources = new SourceSums();

  /** Heart rates of the day's measurements. */
  public HeartRates heartRates = new HeartRates();

  public DayState() {}
}
