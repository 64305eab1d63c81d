package io.wearflow.jobs.userday;

import java.time.LocalDate;

/**
 * Cuts a measurement into the local minutes, and so the local days, it overlaps.
 *
 * <p>Local time is the measurement's own UTC offset; a user's day starts at {@code dayStartHour}
 * local time, so the local date of an instant is the date of (instant + offset - dayStartHour
 * hours) and minute slot i of a day is the i-th wall-clock minute after the day start. An interval
 * [start, end) overlaps the minutes from the one holding start to the one holding end - 1 ms; an
 * interval ending exactly at a minute or day boundary does not touch the next one. An instantaneous
 * measurement (end == start) falls wholly in the minute holding its start.
 *
 * <p>An amount (fixed-point, see {@link Quantity}) is split in proportion to the overlap with
 * cumulative rounding: the part up to each minute boundary is rounded, and each minute gets the
 * difference. The parts therefore add up exactly to the amount, and the parts of a day add up to
 * the amount times the day's share of the interval, whatever the number of minutes.
 */
public final class MinuteSplitter {

  /** Slots of a day. */
  public static final int MINUTES_PER_DAY = 1440;

  static final long MINUTE_MILLIS = 60_000;
  private static final long HOUR_MILLIS = 3_600_000;

  private MinuteSplitter() {}

  /** Receives the part of a measurement in one local minute, in time order. */
  @FunctionalInterface
  public interface MinuteConsumer {
    /**
     * @param epochDay the local day ({@link LocalDate#toEpochDay()})
     * @param slot the minute of the day, 0 to 1439
     * @param share the part of the amount in this minute
     * @param overlapMillis how long the interval overlaps the minute; 0 for an instant
     */
    void accept(long epochDay, int slot, long share, long overlapMillis);
  }

  /**
   * Splits the interval [startMillis, endMillis) carrying {@code amount} over its local minutes.
   *
   * @param offsetSeconds the measurement's UTC offset, seconds east of UTC
   * @param dayStartHour local hour the user's day starts at, 0 to 23
   */
  public static void split(
      long startMillis,
      long endMillis,
      int offsetSeconds,
      int dayStartHour,
      long amount,
      MinuteConsumer out) {
    long shift = shift(offsetSeconds, dayStartHour);
    long first = Math.floorDiv(startMillis + shift, MINUTE_MILLIS);
    if (endMillis == startMillis) {
      out.accept(day(first), slot(first), amount, 0);
      return;
    }
    long last = Math.floorDiv(endMillis - 1 + shift, MINUTE_MILLIS);
    long duration = endMillis - startMillis;
    long before = 0;
    for (long minute = first; minute <= last; minute++) {
      long from = Math.max(startMillis, minute * MINUTE_MILLIS - shift);
      long to = Math.min(endMillis, (minute + 1) * MINUTE_MILLIS - shift);
      long upTo = cumulative(amount, to - startMillis, duration);
      out.accept(day(minute), slot(minute), upTo - before, to - from);
      before = upTo;
    }
  }

  /** The local day of the minute holding {@code startMillis}. */
  public static long firstDay(long startMillis, int offsetSeconds, int dayStartHour) {
    return day(Math.floorDiv(startMillis + shift(offsetSeconds, dayStartHour), MINUTE_MILLIS));
  }

  /** The last local day [startMillis, endMillis) overlaps (its start day for an instant). */
  public static long lastDay(
      long startMillis, long endMillis, int offsetSeconds, int dayStartHour) {
    long last = endMillis == startMillis ? endMillis : endMillis - 1;
    return firstDay(last, offsetSeconds, dayStartHour);
  }

  private static long cumulative(long amount, long elapsed, long duration) {
    return elapsed == duration ? amount : Math.round((double) amount * elapsed / duration);
  }

  private static long shift(int offsetSeconds, int dayStartHour) {
    return offsetSeconds * 1000L - dayStartHour * HOUR_MILLIS;
  }

  private static long day(long localMinute) {
    return Math.floorDiv(localMinute, MINUTES_PER_DAY);
  }

  private static int slot(long localMinute) {
    return (int) Math.floorMod(localMinute, MINUTES_PER_DAY);
  }
}
