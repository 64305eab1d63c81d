package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LatenessTest {

  private static final Sample.Builder WALK =
      steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30);
  private static final Instant END = Instant.parse("2023-11-01T04:01:00Z");

  @Test
  void aMeasurementEndingEightDaysBeforeItWasReceivedIsInTime() {
    assertThat(Lateness.tooLate(WALK.setReceivedAt(END.plus(Duration.ofDays(8))).build()))
        .isEmpty();
  }

  @Test
  void aMeasurementEndingMoreThanEightDaysBeforeItWasReceivedIsTooLate() {
    Instant received = END.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(150));

    assertThat(Lateness.tooLate(WALK.setReceivedAt(received).build()))
        .contains(
            "too late: end_time 2023-11-01T04:01:00Z is 9 days 2 h 30 min before received_at"
                + " 2023-11-10T06:31:00Z, more than the 8 days accepted");
  }

  @Test
  void aDayIsReleasedTwelveDaysAndSeventeenHoursAfterItsUtcEnd() {
    long day = LocalDate.parse("2023-11-01").toEpochDay();

    // 2023-11-02T00:00Z + 41 h (latest local end) + 48 h (longest interval) + 8 d + 1 d margin
    assertThat(Instant.ofEpochMilli(Lateness.releaseTime(day)))
        .isEqualTo(Instant.parse("2023-11-14T17:00:00Z"));
    assertThat(Lateness.releasedDay(Lateness.releaseTime(day))).isEqualTo(day);
    assertThat(Lateness.dayReleased(day))
        .isEqualTo(
            "too late: its day 2023-11-01 was released when the received_at watermark passed"
                + " 2023-11-14T17:00:00Z");
  }

  @Test
  void theLatestAcceptedMeasurementOfADayArrivesAMarginBeforeItsRelease() {
    // Day 2023-11-01 starting at 23:00 in -18:00 ends at 2023-11-02T23:00-18:00 =
    // 2023-11-03T17:00Z.
    Instant dayEnd = Instant.parse("2023-11-03T17:00:00Z");
    Sample latest =
        steps("2023-11-01T00:00:00Z", "2023-11-01T00:01:00Z", 1)
            .setZoneOffsetSeconds(-18 * 3600)
            .setDayStartHour(23)
            .setStartTime(dayEnd.minusMillis(1))
            .setEndTime(dayEnd.minusMillis(1).plus(SampleRules.MAX_DURATION))
            .setReceivedAt(
                dayEnd.minusMillis(1).plus(SampleRules.MAX_DURATION).plus(Duration.ofDays(8)))
            .build();

    assertThat(SampleRules.problemWith(latest)).isEmpty();
    assertThat(Lateness.tooLate(latest)).isEmpty();
    assertThat(LocalDate.ofEpochDay(UserDayAccumulator.firstDay(latest)))
        .isEqualTo(LocalDate.parse("2023-11-01"));
    assertThat(
            Duration.between(
                latest.getReceivedAt(),
                Instant.ofEpochMilli(
                    Lateness.releaseTime(LocalDate.parse("2023-11-01").toEpochDay()))))
        .isEqualTo(Lateness.MARGIN.plusMillis(1));
  }
}
