package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the user-day job accepts from the {@code samples} topic and how it reads a sample's value.
 *
 * <p>The HTTP edge already rejects bad samples; these checks keep a record that slipped through
 * from poisoning a day (a NaN sum), stopping the job (an impossible offset) or pinning state
 * forever. Beyond the edge's own rules they bound what the job's state needs bounded:
 *
 * <ul>
 *   <li>an interval lasts at most {@link #MAX_DURATION} (a day's aggregate of a DST day is 25 h),
 *       so that a sample can only reach days close to its end ({@link Lateness});
 *   <li>it starts at most {@link #MAX_AHEAD} after it was received (a device clock may be off, not
 *       a year ahead), so that no day state is kept for a far future;
 *   <li>values stay below {@link Quantity#max()}.
 * </ul>
 */
public final class SampleRules {

  /** Longest accepted interval. */
  public static final Duration MAX_DURATION = Duration.ofHours(48);

  /** Largest accepted distance from received_at forward to start_time. */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);

  /** Largest UTC offset in seconds, as {@link java.time.ZoneOffset} allows (18 hours). */
  public static final int MAX_OFFSET_SECONDS = 18 * 3600;

  /** Largest day-start hour. */
  public static final int MAX_DAY_START_HOUR = 23;

  private static final String PER_SECOND = "count/s";
  private static final String KNOWN_TYPES =
      Arrays.stream(Quantity.values()).map(Quantity::dataType).collect(Collectors.joining(", "));

  private SampleRules() {}

  /** Why the job cannot aggregate {@code sample}, or empty when it can. */
  public static Optional<String> problemWith(Sample sample) {
    long start = sample.getStartTime().toEpochMilli();
    long end = sample.getEndTime().toEpochMilli();
    if (end < start) {
      return Optional.of("end_time is before start_time");
    }
    if (end - start > MAX_DURATION.toMillis()) {
      return Optional.of(
          "interval of " + Duration.ofMillis(end - start) + " is longer than " + MAX_DURATION);
    }
    if (start - sample.getReceivedAt().toEpochMilli() > MAX_AHEAD.toMillis()) {
      return Optional.of("start_time is more than " + MAX_AHEAD + " after received_at");
    }
    if (Math.abs(sample.getZoneOffsetSeconds()) > MAX_OFFSET_SECONDS) {
      return Optional.of(
          "zone_offset_seconds "
              + sample.getZoneOffsetSeconds()
              + " is beyond +-"
              + MAX_OFFSET_SECONDS);
    }
    if (sample.getDayStartHour() < 0 || sample.getDayStartHour() > MAX_DAY_START_HOUR) {
      return Optional.of("day_start_hour " + sample.getDayStartHour() + " is not in 0..23");
    }
    Optional<Quantity> quantity = Quantity.of(sample.getDataType());
    if (quantity.isEmpty()) {
      return Optional.of("data_type " + sample.getDataType() + " is not one of " + KNOWN_TYPES);
    }
    double value = sample.getValue();
    if (!Double.isFinite(value) || value < 0) {
      return Optional.of("value " + value + " is not a finite number >= 0");
    }
    Quantity q = quantity.get();
    if (!q.units().contains(sample.getUnit())) {
      return Optional.of(
          q.dataType()
              + " must have unit "
              + String.join(" or ", sortedUnits(q))
              + ", not "
              + sample.getUnit());
    }
    if (value(sample) > q.max()) {
      return Optional.of(q.dataType() + " value " + value(sample) + " is above " + q.max());
    }
    return Optional.empty();
  }

  /** The sample's value in the job's unit: heart rate in count/min, everything else unchanged. */
  public static double value(Sample sample) {
    if (Quantity.BPM.dataType().equals(sample.getDataType())
        && PER_SECOND.equals(sample.getUnit())) {
      return sample.getValue() * 60;
    }
    return sample.getValue();
  }

  private static String[] sortedUnits(Quantity quantity) {
    return quantity.units().stream().sorted().toArray(String[]::new);
  }
}
