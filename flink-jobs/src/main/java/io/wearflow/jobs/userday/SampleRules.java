package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.util.Optional;

/**
 * What the user-day job accepts from the {@code samples} topic and how it reads a sample's value.
 *
 * <p>The HTTP edge already rejects bad samples; these checks only keep a record that slipped
 * through from poisoning a day (a NaN sum) or stopping the job (an impossible offset). The value
 * bounds are ten times the API limits (30 000 steps per sample, 300 bpm) and keep the day's
 * fixed-point sums far from overflowing. Data types other than steps and bpm are accepted: they
 * count as samples of the day but add to neither steps nor heart rate.
 */
public final class SampleRules {

  /** Data type of step counts; value in count over the interval. */
  public static final String STEPS = "steps";

  /** Data type of heart rate; value in count/min (or count/s, converted). */
  public static final String BPM = "bpm";

  /** Largest accepted step count of one sample. */
  public static final double MAX_STEPS = 300_000;

  /** Largest accepted heart rate, beats per minute. */
  public static final double MAX_BPM = 3_000;

  /** Largest UTC offset in seconds, as {@link java.time.ZoneOffset} allows (18 hours). */
  public static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private static final String COUNT = "count";
  private static final String PER_MINUTE = "count/min";
  private static final String PER_SECOND = "count/s";

  private SampleRules() {}

  /** Why the job cannot aggregate {@code sample}, or empty when it can. */
  public static Optional<String> problemWith(Sample sample) {
    if (sample.getEndTime().isBefore(sample.getStartTime())) {
      return Optional.of("end_time is before start_time");
    }
    if (Math.abs(sample.getZoneOffsetSeconds()) > MAX_OFFSET_SECONDS) {
      return Optional.of(
          "zone_offset_seconds "
              + sample.getZoneOffsetSeconds()
              + " is beyond +-"
              + MAX_OFFSET_SECONDS);
    }
    double value = sample.getValue();
    if (!Double.isFinite(value) || value < 0) {
      return Optional.of("value " + value + " is not a finite number >= 0");
    }
    String unit = sample.getUnit();
    if (STEPS.equals(sample.getDataType())) {
      if (!COUNT.equals(unit)) {
        return Optional.of("steps must have unit count, not " + unit);
      }
      if (value > MAX_STEPS) {
        return Optional.of("steps value " + value + " is above " + MAX_STEPS);
      }
    } else if (BPM.equals(sample.getDataType())) {
      if (!PER_MINUTE.equals(unit) && !PER_SECOND.equals(unit)) {
        return Optional.of("bpm must have unit count/min or count/s, not " + unit);
      }
      if (value(sample) > MAX_BPM) {
        return Optional.of("bpm value " + value(sample) + " is above " + MAX_BPM + " count/min");
      }
    }
    return Optional.empty();
  }

  /** The sample's value in the job's unit: heart rate in count/min, everything else unchanged. */
  public static double value(Sample sample) {
    if (BPM.equals(sample.getDataType()) && PER_SECOND.equals(sample.getUnit())) {
      return sample.getValue() * 60;
    }
    return sample.getValue();
  }
}
