package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wearflow.schemas.samples.Sample;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDayBucketerTest {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  @Test
  void intervalAcrossMidnightInPlusFourIsSplitAtLocalMidnight() {
    Sample sample = steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build();

    List<DayPortion> portions = UserDayBucketer.split(sample);

    assertThat(portions)
        .extracting(DayPortion::localDate, DayPortion::overlapMillis, DayPortion::startDay)
        .containsExactly(
            tuple(LocalDate.parse("2023-11-01"), 30 * MINUTE, true),
            tuple(LocalDate.parse("2023-11-02"), 30 * MINUTE, false));
  }

  @Test
  void localDateIsTheDateOfTheStartInTheSamplesOwnOffset() {
    // One instant, 2023-11-01T21:30Z, recorded in three offsets.
    assertThat(onlyDay(bpm("2023-11-02T01:30:00+04:00", 70).build())).isEqualTo("2023-11-02");
    assertThat(onlyDay(bpm("2023-11-01T21:30:00Z", 70).build())).isEqualTo("2023-11-01");
    assertThat(onlyDay(bpm("2023-11-01T16:30:00-05:00", 70).build())).isEqualTo("2023-11-01");
  }

  @Test
  void instantaneousSampleAtLocalMidnightBelongsWhollyToTheNewDay() {
    Sample sample = bpm("2023-11-02T00:00:00+04:00", 70).build();

    assertThat(UserDayBucketer.split(sample))
        .extracting(DayPortion::localDate, DayPortion::overlapMillis, DayPortion::startDay)
        .containsExactly(tuple(LocalDate.parse("2023-11-02"), 0L, true));
  }

  @Test
  void intervalEndingAtLocalMidnightDoesNotTouchTheNextDay() {
    Sample sample = steps("2023-11-01T23:00:00+04:00", "2023-11-02T00:00:00+04:00", 500).build();

    assertThat(UserDayBucketer.split(sample))
        .extracting(DayPortion::localDate, DayPortion::overlapMillis)
        .containsExactly(tuple(LocalDate.parse("2023-11-01"), HOUR));
  }

  @Test
  void intervalOverSeveralDaysGetsOnePortionPerDayInAHalfHourOffset() {
    Sample sample = steps("2023-11-01T18:00:00+05:30", "2023-11-03T06:00:00+05:30", 3600).build();

    assertThat(UserDayBucketer.split(sample))
        .extracting(DayPortion::localDate, DayPortion::overlapMillis, DayPortion::startDay)
        .containsExactly(
            tuple(LocalDate.parse("2023-11-01"), 6 * HOUR, true),
            tuple(LocalDate.parse("2023-11-02"), 24 * HOUR, false),
            tuple(LocalDate.parse("2023-11-03"), 6 * HOUR, false));
  }

  @Test
  void westernOffsetShiftsTheSplitPointPastUtcMidnight() {
    // 23:45-00:15 local at -09:30 is 09:15-09:45 UTC: still split at local midnight.
    Sample sample = steps("2023-11-01T23:45:00-09:30", "2023-11-02T00:15:00-09:30", 30).build();

    assertThat(UserDayBucketer.split(sample))
        .extracting(DayPortion::localDate, DayPortion::overlapMillis)
        .containsExactly(
            tuple(LocalDate.parse("2023-11-01"), 15 * MINUTE),
            tuple(LocalDate.parse("2023-11-02"), 15 * MINUTE));
  }

  @Test
  void refusesASampleEndingBeforeItStarts() {
    Sample sample = steps("2023-11-01T10:00:00+04:00", "2023-11-01T09:00:00+04:00", 10).build();

    assertThatThrownBy(() -> UserDayBucketer.split(sample))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end_time is before start_time");
  }

  private static String onlyDay(Sample sample) {
    List<DayPortion> portions = UserDayBucketer.split(sample);
    assertThat(portions).hasSize(1);
    return portions.get(0).localDate().toString();
  }
}
