package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.USER;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.calories;
import static io.wearflow.jobs.userday.TestSamples.distance;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.jobs.userday.UserDayAccumulator.Change;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDayAccumulatorTest {

  private final InMemoryUser user = new InMemoryUser();

  @Test
  void stepsAcrossMidnightInPlusFourAreSplitSixtySixty() {
    user.accept(steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build());

    UserDay first = user.day("2023-11-01");
    UserDay second = user.day("2023-11-02");
    assertThat(first.getUserId()).isEqualTo(USER);
    assertThat(first.getLocalDate()).isEqualTo(LocalDate.parse("2023-11-01"));
    assertThat(first.getStepsTotal()).isEqualTo(60.0);
    assertThat(first.getSampleCount()).isEqualTo(1);
    assertThat(first.getMinutesWithData()).isEqualTo(30);
    assertThat(second.getStepsTotal()).isEqualTo(60.0);
    assertThat(second.getSampleCount()).isEqualTo(1);
    // 120 steps over 60 minutes: 2 per minute, in the last 30 slots of day 1 and the first 30 of
    // day 2
    assertThat(first.getStepsPerMinute().subList(1410, 1440)).containsOnly(2.0);
    assertThat(second.getStepsPerMinute().subList(0, 30)).containsOnly(2.0);
    assertThat(second.getStepsPerMinute().get(30)).isNull();
  }

  @Test
  void stepsAreSplitInProportionToTheOverlap() {
    // 100 steps over 23:45-00:25: 15 of 40 minutes before midnight.
    user.accept(steps("2023-11-01T23:45:00+04:00", "2023-11-02T00:25:00+04:00", 100).build());

    assertThat(user.day("2023-11-01").getStepsTotal()).isEqualTo(37.5);
    assertThat(user.day("2023-11-02").getStepsTotal()).isEqualTo(62.5);
  }

  @Test
  void distanceAndCaloriesAreSummedAndSplitLikeSteps() {
    user.accept(
        distance("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 800.5).build(),
        distance("2023-11-01T23:50:00+04:00", "2023-11-02T00:10:00+04:00", 300).build(),
        calories("2023-11-01T08:00:00+04:00", "2023-11-01T09:00:00+04:00", 250_000).build(),
        calories("2023-11-01T23:00:00+04:00", "2023-11-02T01:00:00+04:00", 80_000).build());

    UserDay first = user.day("2023-11-01");
    UserDay second = user.day("2023-11-02");
    // distance: 800.5 m + half of 300 m on day 1; the other half on day 2
    assertThat(first.getDistanceTotalM()).isEqualTo(950.5);
    assertThat(second.getDistanceTotalM()).isEqualTo(150.0);
    // calories: 250 kJ + half of 80 kJ on day 1; the other half on day 2
    assertThat(first.getCaloriesTotalJ()).isEqualTo(290_000.0);
    assertThat(second.getCaloriesTotalJ()).isEqualTo(40_000.0);
    // 800.5 m over 10 minutes is 80.05 m a minute, from 08:00 (slot 480)
    assertThat(first.getDistancePerMinute().get(480)).isCloseTo(80.05, within(1e-6));
    // 250 kJ over 60 minutes is 4166.667 J a minute
    assertThat(first.getCaloriesPerMinute().get(500)).isCloseTo(250_000 / 60.0, within(1e-3));
    assertThat(first.getStepsTotal()).isZero();
    assertThat(first.getSampleCount()).isEqualTo(4);
  }

  @Test
  void heartRateMeanIsWeightedByDurationAndAnInstantCountsOneSecond() {
    user.accept(
        bpm("2023-11-01T08:00:00+04:00", "2023-11-01T08:30:00+04:00", 60).build(),
        bpm("2023-11-01T09:00:00+04:00", "2023-11-01T09:10:00+04:00", 90).build(),
        bpm("2023-11-01T10:00:00+04:00", 120).build());

    UserDay day = user.day("2023-11-01");
    // (60 bpm * 1800 s + 90 bpm * 600 s + 120 bpm * 1 s) / (1800 + 600 + 1) s
    assertThat(day.getBpmMean()).isCloseTo(162_120.0 / 2401, within(1e-9));
    assertThat(day.getBpmMin()).isEqualTo(60.0);
    assertThat(day.getBpmMax()).isEqualTo(120.0);
    assertThat(day.getSampleCount()).isEqualTo(3);
    assertThat(day.getStepsTotal()).isZero();
  }

  @Test
  void heartRateAcrossMidnightWeighsOnlyItsOverlapWithEachDay() {
    user.accept(
        bpm("2023-11-01T23:00:00+04:00", "2023-11-01T23:10:00+04:00", 70).build(),
        bpm("2023-11-01T23:50:00+04:00", "2023-11-02T00:20:00+04:00", 100).build());

    // Day 1: 70 bpm for 600 s and 100 bpm for 600 s; day 2: 100 bpm for 1200 s.
    assertThat(user.day("2023-11-01").getBpmMean()).isEqualTo(85.0);
    assertThat(user.day("2023-11-01").getBpmMin()).isEqualTo(70.0);
    assertThat(user.day("2023-11-01").getBpmMax()).isEqualTo(100.0);
    assertThat(user.day("2023-11-02").getBpmMean()).isEqualTo(100.0);
    assertThat(user.day("2023-11-02").getBpmMin()).isEqualTo(100.0);
  }

  @Test
  void minuteCurvesHoldEachMinuteAndNullWhereNothingWasMeasured() {
    user.accept(
        steps("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 0).build(),
        bpm("2023-11-01T10:00:00+04:00", "2023-11-01T10:00:30+04:00", 60).build(),
        bpm("2023-11-01T10:00:30+04:00", "2023-11-01T10:00:40+04:00", 90).build(),
        bpm("2023-11-01T10:01:20+04:00", 120).build(),
        distance("2023-11-01T11:00:00+04:00", "2023-11-01T11:02:00+04:00", 250).build(),
        calories("2023-11-01T12:00:00+04:00", "2023-11-01T12:01:00+04:00", 4184).build());

    UserDay day = user.day("2023-11-01");
    assertThat(day.getStepsPerMinute()).hasSize(1440);
    assertThat(day.getStepsPerMinute().get(540)).isEqualTo(0.0); // measured zero, not null
    assertThat(day.getStepsPerMinute().get(541)).isNull();
    // 10:00: 60 bpm for 30 s and 90 bpm for 10 s: (1800 + 900) / 40
    assertThat(day.getBpmPerMinute().get(600)).isEqualTo(67.5);
    assertThat(day.getBpmPerMinute().get(601)).isEqualTo(120.0);
    assertThat(day.getDistancePerMinute().subList(660, 662)).containsExactly(125.0, 125.0);
    assertThat(day.getCaloriesPerMinute().get(720)).isEqualTo(4184.0);
    // 09:00, 10:00, 10:01, 11:00, 11:01 and 12:00
    assertThat(day.getMinutesWithData()).isEqualTo(6);
    assertThat(day.getStepsPerMinute().stream().filter(v -> v != null)).hasSize(1);
  }

  @Test
  void activeMinutesHaveAtLeastAHundredSteps() {
    user.accept(
        steps("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 100).build(),
        steps("2023-11-01T09:01:00+04:00", "2023-11-01T09:02:00+04:00", 99.5).build(),
        // 400 steps over 2 minutes from 09:02:30: 100, 200 and 100 in 09:02, 09:03 and 09:04
        steps("2023-11-01T09:02:30+04:00", "2023-11-01T09:04:30+04:00", 400).build());

    UserDay day = user.day("2023-11-01");
    assertThat(day.getStepsPerMinute().subList(540, 545))
        .containsExactly(100.0, 99.5, 100.0, 200.0, 100.0);
    assertThat(day.getActiveMinutes()).isEqualTo(4);
  }

  @Test
  void restingHeartRateIsTheMeanOfTheLowestTenthOfTheMinuteHeartRates() {
    // 35 whole minutes at 50, 51, ..., 84 bpm: the lowest tenth, rounded up, is 4 minutes
    for (int minute = 0; minute < 35; minute++) {
      String start = String.format("2023-11-01T08:%02d:00+04:00", minute);
      String end = String.format("2023-11-01T08:%02d:00+04:00", minute + 1);
      user.accept(bpm(start, end, 50 + minute).build());
    }

    UserDay day = user.day("2023-11-01");
    assertThat(day.getBpmResting()).isEqualTo((50 + 51 + 52 + 53) / 4.0);
    assertThat(day.getBpmMean()).isEqualTo((50 + 84) / 2.0);
  }

  @Test
  void restingHeartRateNeedsThirtyMinutesWithHeartRate() {
    for (int minute = 0; minute < 29; minute++) {
      user.accept(bpm(String.format("2023-11-01T08:%02d:10+04:00", minute), 60).build());
    }
    assertThat(user.day("2023-11-01").getBpmResting()).isNull();

    user.accept(bpm("2023-11-01T09:00:10+04:00", 57).build());

    // 30 minutes: the lowest tenth is 3 minutes, 57, 60 and 60
    assertThat(user.day("2023-11-01").getBpmResting()).isEqualTo(59.0);
  }

  @Test
  void sourcesBreakTheDayDownPerSourceAndDevice() {
    user.accept(
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build(),
        distance("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 25).build(),
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 10)
            .setSource("activity-timeseries-0.1")
            .setDeviceName("Watch")
            .build(),
        calories("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 1000)
            .setSource("activity-timeseries-0.1")
            .setDeviceName("Watch")
            .build(),
        bpm("2023-11-01T08:00:30+04:00", 70).setDeviceName("Watch").build());

    UserDay day = user.day("2023-11-01");
    assertThat(day.getSources())
        .containsExactly(
            source("activity-timeseries-0.1", "Watch", 10, 0, 1000, 2),
            source("samples-v1.1", "Watch", 0, 0, 0, 1),
            source("samples-v1.1", "iPhone", 30, 25, 0, 2));
    assertThat(day.getDevices()).containsExactly("Watch", "iPhone");
    assertThat(day.getStepsTotal()).isEqualTo(40.0);
    assertThat(day.getStepsPerMinute().get(480)).isEqualTo(40.0);
  }

  @Test
  void correctionTakingAwayTheMaximumRecomputesMaximumAndMean() {
    Sample peak = bpm("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 150).build();
    user.accept(
        bpm("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 80).build(),
        peak,
        bpm("2023-11-01T10:00:00+04:00", "2023-11-01T10:01:00+04:00", 100).build());
    assertThat(user.day("2023-11-01").getBpmMax()).isEqualTo(150.0);

    List<Change> changes = user.accept(Sample.newBuilder(peak).setValue(90).build());

    UserDay day = user.day("2023-11-01");
    assertThat(changes).containsExactly(Change.REPLACED);
    assertThat(day.getBpmMax()).isEqualTo(100.0);
    assertThat(day.getBpmMin()).isEqualTo(80.0);
    assertThat(day.getBpmMean()).isEqualTo(90.0); // (80 + 90 + 100) / 3, one minute each
    assertThat(day.getBpmPerMinute().get(540)).isEqualTo(90.0);
    assertThat(day.getSampleCount()).isEqualTo(3);
  }

  @Test
  void correctionTakingAwayTheMinimumRecomputesIt() {
    Sample low = bpm("2023-11-01T08:00:00+04:00", 50).build();
    user.accept(low, bpm("2023-11-01T09:00:00+04:00", 70).build());

    user.accept(Sample.newBuilder(low).setValue(120).build());

    assertThat(user.day("2023-11-01").getBpmMin()).isEqualTo(70.0);
    assertThat(user.day("2023-11-01").getBpmMax()).isEqualTo(120.0);
  }

  @Test
  void correctedStepsReplaceTheOldPortionsOnBothDays() {
    Sample late = steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build();
    user.accept(late, steps("2023-11-02T08:00:00+04:00", "2023-11-02T08:10:00+04:00", 500).build());

    List<Change> changes = user.accept(Sample.newBuilder(late).setValue(40).build());

    assertThat(changes).containsExactly(Change.REPLACED);
    assertThat(user.day("2023-11-01").getStepsTotal()).isEqualTo(20.0);
    assertThat(user.day("2023-11-02").getStepsTotal()).isEqualTo(520.0);
    assertThat(user.day("2023-11-02").getSampleCount()).isEqualTo(2);
  }

  @Test
  void dayAfterACorrectionEqualsTheDayThatOnlySawTheCorrectedValue() {
    Sample a = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 0.1).build();
    Sample b = steps("2023-11-01T09:00:00+04:00", "2023-11-01T09:01:00+04:00", 0.2).build();
    Sample c = steps("2023-11-01T10:00:00+04:00", "2023-11-01T10:01:00+04:00", 7).build();
    Sample cCorrected = Sample.newBuilder(c).setValue(0.3).build();
    user.accept(a, b, c, cCorrected);
    InMemoryUser fresh = new InMemoryUser();
    fresh.accept(cCorrected, b, a);

    assertThat(user.day("2023-11-01")).isEqualTo(fresh.day("2023-11-01"));
    assertThat(user.day("2023-11-01").getStepsTotal()).isEqualTo(0.6);
  }

  @Test
  void aNewOffsetMovesTheMeasurementOutOfItsOldDay() {
    // 23:30-23:40 at +04:00 is 00:30-00:40 of the next day at +05:00
    Sample.Builder walk = steps("2023-11-01T23:30:00+04:00", "2023-11-01T23:40:00+04:00", 50);
    user.accept(walk.build());

    List<Change> changes =
        user.accept(
            walk.setZoneOffsetSeconds(5 * 3600).setReceivedAt(RECEIVED.plusSeconds(60)).build());

    assertThat(changes).containsExactly(Change.REPLACED);
    UserDay old = user.day("2023-11-01");
    assertThat(old.getSampleCount()).isZero();
    assertThat(old.getStepsTotal()).isZero();
    assertThat(old.getMinutesWithData()).isZero();
    assertThat(old.getSources()).isEmpty();
    assertThat(old.getDevices()).isEmpty();
    assertThat(old.getUpdatedAt()).isEqualTo(RECEIVED.plusSeconds(60));
    UserDay moved = user.day("2023-11-02");
    assertThat(moved.getStepsTotal()).isEqualTo(50.0);
    assertThat(moved.getStepsPerMinute().subList(30, 40)).containsOnly(5.0);
  }

  @Test
  void resentBatchIsCountedOnce() {
    for (int send = 0; send < 3; send++) {
      Instant receivedAt = RECEIVED.plusSeconds(60L * send);
      List<Change> changes =
          user.accept(
              steps("2023-11-01T08:04:51+04:00", "2023-11-01T08:04:58+04:00", 14)
                  .setReceivedAt(receivedAt)
                  .build(),
              steps("2023-11-01T09:47:21+04:00", "2023-11-01T09:47:34+04:00", 24)
                  .setReceivedAt(receivedAt)
                  .build(),
              bpm("2023-11-01T09:50:00+04:00", 72).setReceivedAt(receivedAt).build());
      assertThat(changes).containsOnly(send == 0 ? Change.ADDED : Change.UNCHANGED);
    }

    UserDay day = user.day("2023-11-01");
    assertThat(day.getSampleCount()).isEqualTo(3);
    assertThat(day.getStepsTotal()).isEqualTo(38.0);
    assertThat(day.getBpmMean()).isEqualTo(72.0);
    assertThat(day.getUpdatedAt()).isEqualTo(RECEIVED);
  }

  @Test
  void deviceIdIsPartOfTheIdentity() {
    Sample.Builder walk = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30);

    List<Change> changes =
        user.accept(walk.setDeviceId("SN-1").build(), walk.setDeviceId("SN-2").build());

    assertThat(changes).containsExactly(Change.ADDED, Change.ADDED);
    assertThat(user.day("2023-11-01").getStepsTotal()).isEqualTo(60.0);
  }

  @Test
  void newDeviceVersionReplacesTheSampleWithoutCountingItTwice() {
    Sample.Builder sample = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30);
    user.accept(sample.build());
    Instant later = RECEIVED.plusSeconds(3600);

    List<Change> changes =
        user.accept(sample.setDeviceVersion("17.1").setReceivedAt(later).build());

    assertThat(changes).containsExactly(Change.REPLACED);
    assertThat(user.day("2023-11-01").getSampleCount()).isEqualTo(1);
    assertThat(user.day("2023-11-01").getStepsTotal()).isEqualTo(30.0);
    assertThat(user.day("2023-11-01").getUpdatedAt()).isEqualTo(later);
  }

  @Test
  void devicesAreDistinctAndSortedAndUpdatedAtIsTheLatestChange() {
    Instant latest = RECEIVED.plusSeconds(90);
    user.accept(
        bpm("2023-11-01T08:00:00+04:00", 70).setDeviceName("iPhone").build(),
        bpm("2023-11-01T08:01:00+04:00", 71)
            .setDeviceName("Apple Watch")
            .setReceivedAt(latest)
            .build(),
        bpm("2023-11-01T08:02:00+04:00", 72).setDeviceName("iPhone").build());

    assertThat(user.day("2023-11-01").getDevices()).containsExactly("Apple Watch", "iPhone");
    assertThat(user.day("2023-11-01").getUpdatedAt()).isEqualTo(latest);
  }

  @Test
  void dayWithoutHeartRateHasNoHeartRateFigures() {
    user.accept(steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build());

    UserDay day = user.day("2023-11-01");
    assertThat(day.getBpmMin()).isNull();
    assertThat(day.getBpmMax()).isNull();
    assertThat(day.getBpmMean()).isNull();
    assertThat(day.getBpmResting()).isNull();
    assertThat(day.getBpmPerMinute()).containsOnlyNulls();
  }

  @Test
  void dayStartHourShiftsTheDayAndIsPublished() {
    // With the day starting at 04:00, 02:00-03:00 on Nov 2 belongs to Nov 1 (slots 1320-1379).
    user.accept(
        steps("2023-11-02T02:00:00+04:00", "2023-11-02T03:00:00+04:00", 600)
            .setDayStartHour(4)
            .build());

    UserDay day = user.day("2023-11-01");
    assertThat(day.getDayStartHour()).isEqualTo(4);
    assertThat(day.getStepsTotal()).isEqualTo(600.0);
    assertThat(day.getStepsPerMinute().subList(1320, 1380)).containsOnly(10.0);
    assertThat(user.dates()).containsExactly("2023-11-01");
  }

  @Test
  void aMeasurementReachingAReleasedDayIsTooLate() {
    long release = Lateness.releaseTime(LocalDate.parse("2023-11-01").toEpochDay());
    Sample walk = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build();

    user.watermark = release;
    assertThat(user.accept(walk)).containsExactly(Change.TOO_LATE);
    assertThat(user.days).isEmpty();
    assertThat(user.contributions).isEmpty();

    user.watermark = release - 1;
    assertThat(user.accept(walk)).containsExactly(Change.ADDED);
  }

  @Test
  void publishingTurnsEachChangedDayIntoAVersionOnce() {
    user.accept(
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build(),
        steps("2023-11-02T08:00:00+04:00", "2023-11-02T08:01:00+04:00", 40).build());

    assertThat(user.accumulator.publishChanged())
        .extracting(p -> p.day().getLocalDate().toString(), PublishedUserDay::version)
        .containsExactly(tuple("2023-11-01", 1L), tuple("2023-11-02", 1L));
    assertThat(user.accumulator.publishChanged()).isEmpty();

    user.accept(steps("2023-11-02T09:00:00+04:00", "2023-11-02T09:01:00+04:00", 5).build());

    List<PublishedUserDay> again = user.accumulator.publishChanged();
    assertThat(again).extracting(PublishedUserDay::version).containsExactly(2L);
    assertThat(again.get(0).day().getStepsTotal()).isEqualTo(45.0);
  }

  @Test
  void releaseForgetsTheDayAndTheMeasurementsThatEndInIt() {
    user.accept(
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 30).build(),
        steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build(),
        steps("2023-11-02T08:00:00+04:00", "2023-11-02T08:01:00+04:00", 40).build());

    Optional<PublishedUserDay> last =
        user.accumulator.release(LocalDate.parse("2023-11-01").toEpochDay());

    assertThat(last).isPresent();
    assertThat(last.get().day().getStepsTotal()).isEqualTo(90.0); // 30 + 60 of the 120
    assertThat(user.dates()).containsExactly("2023-11-02");
    assertThat(user.contributions).hasSize(2); // the night walk still reaches Nov 2

    user.accumulator.publishChanged();
    assertThat(user.accumulator.release(LocalDate.parse("2023-11-02").toEpochDay())).isEmpty();
    assertThat(user.days).isEmpty();
    assertThat(user.contributions).isEmpty();
  }

  @Test
  void refusesASampleOfAnotherUser() {
    Sample other =
        steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:01:00+04:00", 3).setUserId(7).build();

    assertThatThrownBy(() -> user.accept(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample of user 7 given to user 42");
  }

  private static SourceTotals source(
      String source, String device, double steps, double distance, double calories, int count) {
    return SourceTotals.newBuilder()
        .setSource(source)
        .setDeviceName(device)
        .setSteps(steps)
        .setDistanceM(distance)
        .setCaloriesJ(calories)
        .setSampleCount(count)
        .build();
  }
}
