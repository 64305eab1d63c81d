package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a sample into the local days it overlaps. A local day is a calendar day in the sample's own
 * UTC offset ({@code zone_offset_seconds}), so the same instant can fall on different dates for
 * samples recorded in different offsets. An interval [start, end) gets one portion per local day it
 * overlaps, with the overlap in milliseconds; an interval ending exactly at local midnight does not
 * touch the next day. An instantaneous sample (end == start) belongs wholly to its start's day.
 */
public final class UserDayBucketer {

  private static final long DAY_MILLIS = 86_400_000L;

  private UserDayBucketer() {}

  /**
   * The portions of {@code sample}, in day order, the first one being its start day.
   *
   * @throws IllegalArgumentException if {@link SampleRules#problemWith} finds a problem
   */
  public static List<DayPortion> split(Sample sample) {
    SampleRules.problemWith(sample)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    long offsetMillis = sample.getZoneOffsetSeconds() * 1000L;
    long start = sample.getStartTime().toEpochMilli();
    long end = sample.getEndTime().toEpochMilli();
    long firstDay = Math.floorDiv(start + offsetMillis, DAY_MILLIS);
    if (end == start) {
      return List.of(new DayPortion(sample, firstDay, 0, true));
    }
    long lastDay = Math.floorDiv(end - 1 + offsetMillis, DAY_MILLIS);
    List<DayPortion> portions = new ArrayList<>((int) (lastDay - firstDay + 1));
    for (long day = firstDay; day <= lastDay; day++) {
      long dayStart = day * DAY_MILLIS - offsetMillis;
      long overlap = Math.min(end, dayStart + DAY_MILLIS) - Math.max(start, dayStart);
      portions.add(new DayPortion(sample, day, overlap, day == firstDay));
    }
    return portions;
  }
}
