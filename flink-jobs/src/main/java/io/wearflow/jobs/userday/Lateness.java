package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How late a measurement may arrive, and when a user-day can no longer change.
 *
 * <p>A measurement whose end_time is more than {@link #ACCEPTED} (8 days, the time-series
 * contract's span) before its received_at is too late: it is not counted. Everything else lands in
 * its days, which are then re-published.
 *
 * <p>Hence a day's state is needed only for a bounded time. An accepted measurement reaching local
 * day D starts before D ends, lasts at most {@link SampleRules#MAX_DURATION} and ends at most 8
 * days before it is received. Day D ends, in UTC, at the latest at D+1 00:00 plus 41 hours (day
 * start hour 23 in offset -18:00). So no measurement received after {@link #releaseTime(long)} =
 * D+1 00:00 UTC + 41 h + 48 h + 8 d + {@link #MARGIN} can reach D. The job measures that time on
 * the received_at watermark (event time), not on the wall clock, so that a replay of the same input
 * releases the same days; the margin absorbs records arriving up to a day out of received_at order.
 * A measurement that still reaches a released day is treated as too late.
 */
public final class Lateness {

  /** How long after its end a measurement is still counted, measured on received_at. */
  public static final Duration ACCEPTED = Duration.ofDays(8);

  /** How far out of received_at order records may reach the job before they count as late. */
  public static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(10);

  /** After how long without records an input stops holding the received_at watermark back. */
  public static final Duration IDLENESS = Duration.ofMinutes(1);

  /** Time a day's state is kept beyond the last instant an accepted measurement could reach it. */
  public static final Duration MARGIN = Duration.ofDays(1);

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final long LATEST_DAY_END_AFTER_UTC_MIDNIGHT =
      Duration.ofHours(SampleRules.MAX_DAY_START_HOUR)
          .plusSeconds(SampleRules.MAX_OFFSET_SECONDS)
          .toMillis();
  private static final long RELEASE_AFTER_UTC_MIDNIGHT =
      LATEST_DAY_END_AFTER_UTC_MIDNIGHT
          + SampleRules.MAX_DURATION.toMillis()
          + ACCEPTED.toMillis()
          + MARGIN.toMillis();

  private Lateness() {}

  /** Why {@code sample} is too late to be counted, or empty when it is in time. */
  public static Optional<String> tooLate(Sample sample) {
    Duration late = Duration.between(sample.getEndTime(), sample.getReceivedAt());
    if (late.compareTo(ACCEPTED) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "too late: end_time "
            + sample.getEndTime()
            + " is "
            + words(late)
            + " before received_at "
            + sample.getReceivedAt()
            + ", more than the "
            + ACCEPTED.toDays()
            + " days accepted");
  }

  /** Why a measurement reaching the already released {@code epochDay} is not counted. */
  public static String dayReleased(long epochDay) {
    return "too late: its day "
        + LocalDate.ofEpochDay(epochDay)
        + " was released when the received_at watermark passed "
        + Instant.ofEpochMilli(releaseTime(epochDay));
  }

  /**
   * The received_at time, epoch milliseconds, after which no accepted measurement can reach local
   * day {@code epochDay} ({@link LocalDate#toEpochDay()}).
   */
  public static long releaseTime(long epochDay) {
    return (epochDay + 1) * DAY_MILLIS + RELEASE_AFTER_UTC_MIDNIGHT;
  }

  /** The local day whose {@link #releaseTime} is {@code releaseTime}. */
  public static long releasedDay(long releaseTime) {
    return Math.floorDiv(releaseTime - RELEASE_AFTER_UTC_MIDNIGHT, DAY_MILLIS) - 1;
  }

  private static String words(Duration duration) {
    StringBuilder text = new StringBuilder();
    text.append(duration.toDays()).append(duration.toDays() == 1 ? " day" : " days");
    if (duration.toHoursPart() > 0) {
      text.append(' ').append(duration.toHoursPart()).append(" h");
    }
    if (duration.toMinutesPart() > 0) {
      text.append(' ').append(duration.toMinutesPart()).append(" min");
    }
    return text.toString();
  }
}
