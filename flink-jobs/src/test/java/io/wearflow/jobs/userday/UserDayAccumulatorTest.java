package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.USER;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.sample;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wearflow.jobs.userday.UserDayAccumulator.Change;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDayAccumulatorTest {

  private final InMemoryUserDays days = new InMemoryUserDays();

  @Test
  void stepsAcrossMidnightInPlusFourAreSplitSixtySixty() {
    days.accept(steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build());

    UserDay first = days.day("2023-11-01");
    UserDay second = days.day("2023-11-02");
    assertThat(first.getUserId()).isEqualTo(USER);
    assertThat(first.getLocalDate()).isEqualTo(LocalDate.parse("2023-11-01"));
    assertThat(first.getStepsTotal()).isEqualTo(60.0);
    assertThat(first.getSampleCount()).isEqualTo(1);
    assertThat(second.getLocalDate()).isEqualTo(LocalDate.parse("2023-11-02"));
    assertThat(second.getStepsTotal()).isEqualTo(60.0);
    assertThat(second.getSampleCount()).isEqualTo(1);
  }

  @Test
  void stepsAreSplitInProportionToTheOverlap() {
    // 100 steps over 23:45-00:25: 15 of 40 minutes before midnight.
    days.accept(steps("2023-11-01T23:45:00+04:00", "2023-11-02T00:25:00+04:00", 100).build());

    assertThat(days.day("2023-11-01").getStepsTotal()).isEqualTo(37.5);
    assertThat(days.day("2023-11-02").getStepsTotal()).isEqualTo(62.5);
  }

  @Test
  void heartRateMeanIsWeightedByDurationAndAnInstantCountsOneSecond() {
    days.acceptAll(
        bpm("2023-11-01T08:00:00+04:00", "2023-11-01T08:30:00+04:00", 60).build(),
        bpm("2023-11-01T09:00:00+04:00", "2023-11-01T09:10:00+04:00", 90).build(),
        bpm("2023-11-01T10:00:00+04:00", 120).build());

    UserDay day = days.day("2023-11-01");
    // (60 bpm * 1800 s + 90 bpm * 600 s + 120 bpm * 1 s) / (1800 + 600 + 1) s
    assertThat(day.getBpmMean()).isCloseTo(162_120.0 / 2401, within(1e-9));
    assertThat(day.getBpmMin()).isEqualTo(60.0);
    assertThat(day.getBpmMax()).isEqualTo(120.0);
    assertThat(day.getSampleCount()).isEqualTo(3);
    assertThat(day.getStepsTotal()).isZero();
  }

  @Test
  void heartRateAcrossMidnightWeighsOnlyItsOverlapWithEachDay() {
    days.acceptAll(
        bpm("2023-11-01T23:00:00+04:00", "2023-11-01T23:10:00+04:00", 70).build(),
        bpm("2023-11-01T23:50:00+04:00", "2023-11-02T00:20:00+04:00", 100).build());

    // Day 1: 70 bpm for 600 s and 100 bpm for 600 s; day 2: 100 bpm for 1200 s.
    assertThat(days.day("2023-11-01").getBpmMean()).isEqualTo(85.0);
    assertThat(days.day("2023-11-01").getBpmMin()).isEqualTo(70.0);
    assertThat(days.day("2023-11-01").getBpmMax()).isEqualTo(100.0);
    assertThat(days.day("2023-11-02").getBpmMean()).isEqualTo(100.0);
    assertThat(days.day("2023-11-02").getBpmMin()).isEqualTo(100.0);
  }

  @Test
  void correctionTakingAwayTheMaximumRecomputesMaximumAndMean() {
    Sample peak = bpm("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 150).build();
    days.acceptAll(
        bpm("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 80).build(),
        peak,
        bpm("2023-11-01T10:00:00+04:00", "2023-11-01T10:01:00+04:00", 100).build());
    assertThat(days.day("2023-11-01").getBpmMax()).isEqualTo(150.0);

    List<Change> changes = days.accept(Sample.newBuilder(peak).setValue(90).build());

    UserDay day = days.day("2023-11-01");
    assertThat(changes).containsExactly(Change.REPLACED);
    assertThat(day.getBpmMax()).isEqualTo(100.0);
    assertThat(day.getBpmMin()).isEqualTo(80.0);
    assertThat(day.getBpmMean()).isEqualTo(90.0); // (80 + 90 + 100) / 3, one minute each
    assertThat(day.getSampleCount()).isEqualTo(3);
  }

  @Test
  void correctionTakingAwayTheMinimumRecomputesIt() {
    Sample low = bpm("2023-11-01T08:00:00+04:00", 50).build();
    days.acceptAll(low, bpm("2023-11-01T09:00:00+04:00", 70).build());

    days.accept(Sample.newBuilder(low).setValue(120).build());

    assertThat(days.day("2023-11-01").getBpmMin()).isEqualTo(70.0);
    assertThat(days.day("2023-11-01").getBpmMax()).isEqualTo(120.0);
  }

  @Test
  void correctedStepsReplaceTheOldPortionsOnBothDays() {
    Sample late = steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build();
    days.acceptAll(
        late, steps("2023-11-02T08:00:00+04:00", "2023-11-02T08:10:00+04:00", 500).build());

    List<Change> changes = days.accept(Sample.newBuilder(late).setValue(40).build());

    assertThat(changes).containsExactly(Change.REPLACED, Change.REPLACED);
    assertThat(days.day("2023-11-01").getStepsTotal()).isEqualTo(20.0);
    assertThat(days.day("2023-11-02").getStepsTotal()).isEqualTo(520.0);
    assertThat(days.day("2023-11-02").getSampleCount()).isEqualTo(2);
  }

  @Test
  void dayAfterACorrectionEqualsTheDayThatOnlySawTheCorrectedValue() {
    Sample a = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 0.1).build();
    Sample b = steps("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 0.2).build();
    Sample c = steps("2023-11-01T10:00:00+04:00", "2023-11-01T10:01:00+04:00", 7).build();
    Sample cCorrected = Sample.newBuilder(c).setValue(0.3).build();
    days.acceptAll(a, b, c, cCorrected);
    InMemoryUserDays fresh = new InMemoryUserDays();
    fresh.acceptAll(cCorrected, b, a);

    assertThat(days.day("2023-11-01")).isEqualTo(fresh.day("2023-11-01"));
    assertThat(days.day("2023-11-01").getStepsTotal()).isEqualTo(0.6);
  }

  @Test
  void resentBatchIsCountedOnce() {
    for (int send = 0; send < 3; send++) {
      Instant receivedAt = RECEIVED.plusSeconds(60L * send);
      List<Change> changes =
          List.of(
                  steps("2023-11-01T08:04:51+04:00", "2023-11-01T08:04:58+04:00", 14),
                  steps("2023-11-01T09:47:21+04:00", "2023-11-01T09:47:34+04:00", 24),
                  bpm("2023-11-01T09:50:00+04:00", 72))
              .stream()
              .flatMap(sample -> days.accept(sample.setReceivedAt(receivedAt).build()).stream())
              .toList();
      assertThat(changes).containsOnly(send == 0 ? Change.ADDED : Change.UNCHANGED);
    }

    UserDay day = days.day("2023-11-01");
    assertThat(day.getSampleCount()).isEqualTo(3);
    assertThat(day.getStepsTotal()).isEqualTo(38.0);
    assertThat(day.getBpmMean()).isEqualTo(72.0);
    assertThat(day.getUpdatedAt()).isEqualTo(RECEIVED);
  }

  @Test
  void newDeviceVersionReplacesTheSampleWithoutCountingItTwice() {
    Sample.Builder sample = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30);
    days.accept(sample.build());
    Instant later = RECEIVED.plusSeconds(3600);

    List<Change> changes =
        days.accept(sample.setDeviceVersion("17.1").setReceivedAt(later).build());

    assertThat(changes).containsExactly(Change.REPLACED);
    assertThat(days.day("2023-11-01").getSampleCount()).isEqualTo(1);
    assertThat(days.day("2023-11-01").getStepsTotal()).isEqualTo(30.0);
    assertThat(days.day("2023-11-01").getUpdatedAt()).isEqualTo(later);
  }

  @Test
  void devicesAreDistinctAndSortedAndUpdatedAtIsTheLatestReceipt() {
    Instant latest = RECEIVED.plusSeconds(90);
    days.acceptAll(
        bpm("2023-11-01T08:00:00+04:00", 70).setDeviceName("iPhone").build(),
        bpm("2023-11-01T08:01:00+04:00", 71)
            .setDeviceName("Apple Watch")
            .setReceivedAt(latest)
            .build(),
        bpm("2023-11-01T08:02:00+04:00", 72).setDeviceName("iPhone").build());

    assertThat(days.day("2023-11-01").getDevices()).containsExactly("Apple Watch", "iPhone");
    assertThat(days.day("2023-11-01").getUpdatedAt()).isEqualTo(latest);
  }

  @Test
  void dayWithoutHeartRateHasNoHeartRateFigures() {
    days.accept(steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build());

    UserDay day = days.day("2023-11-01");
    assertThat(day.getBpmMin()).isNull();
    assertThat(day.getBpmMax()).isNull();
    assertThat(day.getBpmMean()).isNull();
  }

  @Test
  void otherDataTypesCountAsSamplesButAddNoStepsOrHeartRate() {
    days.acceptAll(
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build(),
        sample("distance", "m", "2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 25)
            .build());

    UserDay day = days.day("2023-11-01");
    assertThat(day.getSampleCount()).isEqualTo(2);
    assertThat(day.getStepsTotal()).isEqualTo(30.0);
    assertThat(day.getBpmMean()).isNull();
  }

  @Test
  void refusesAPortionOfAnotherDay() {
    Sample sample = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build();
    UserDayAccumulator otherDay =
        new UserDayAccumulator(
            UserDayKey.of(USER, LocalDate.parse("2023-11-02")),
            DayTotals.EMPTY,
            ContributionStore.inMemory());

    assertThatThrownBy(() -> otherDay.upsert(UserDayBucketer.split(sample).get(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
