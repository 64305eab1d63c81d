package io.wearflow.infra.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wearflow.infra.generate.GeneratedActivity.Range;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSimulatorTest {

  private static final Athlete ATHLETE = Athlete.startOfSeason();

  private static PlannedSession session(SessionKind kind, int minutes, long seed) {
    return new PlannedSession(
        0,
        false,
        kind,
        LocalDateTime.of(2025, 6, 10, 18, 0).atZone(SeasonPlan.HOME),
        minutes * 60,
        ATHLETE,
        seed);
  }

  @Test
  void anIntervalRideHasEffortsAboveThresholdSprintsAndCoasting() {
    GeneratedActivity ride = SessionSimulator.simulate(session(SessionKind.INTERVAL_RIDE, 90, 7));
    List<Sample> samples = ride.samples();

    assertThat(ride.efforts()).hasSizeBetween(4, 6);
    for (Range effort : ride.efforts()) {
      assertThat(effort.to() - effort.from()).isBetween(240, 480);
      double mean = meanPower(samples, effort);
      assertThat(mean / ATHLETE.ftpWatts()).isBetween(1.02, 1.23);
    }
    int max = samples.stream().mapToInt(Sample::power).max().orElseThrow();
    assertThat(max).isBetween(850, 1100);
    assertThat(samples).anyMatch(s -> s.power() == 0);
    for (Sample s : samples) {
      if (s.power() == 0) {
        assertThat(s.cadence()).isZero();
      } else {
        assertThat(s.cadence()).isBetween(80, 100);
      }
      assertThat(s.heartRate()).isBetween(48, 185);
      assertThat(s.speed()).isBetween(0.0, 18.0);
    }
    // laps: warm-up, each effort and its recovery, the sprints, endurance if time is left,
    // cool-down
    int efforts = ride.efforts().size();
    assertThat(ride.laps().size()).isIn(2 * efforts + 3, 2 * efforts + 4);
    assertThat(ride.laps()).containsAll(ride.efforts());
  }

  @Test
  void samplesAreOneSecondApartWithCumulativeDistance() {
    GeneratedActivity ride = SessionSimulator.simulate(session(SessionKind.ENDURANCE_RIDE, 100, 8));
    List<Sample> samples = ride.samples();

    assertThat(samples).hasSize(100 * 60);
    assertThat(ride.laps()).containsExactly(new Range(0, 6000));
    double sum = 0;
    for (int i = 0; i < samples.size(); i++) {
      assertThat(samples.get(i).timestamp())
          .isEqualTo(ride.session().start().toInstant().plusSeconds(i));
      sum += samples.get(i).speed();
      assertThat(samples.get(i).distance()).isCloseTo(sum, within(0.01 + i * 0.0005));
    }
    double meanSpeed = ride.distance() / samples.size();
    assertThat(meanSpeed).isBetween(7.0, 11.0);
  }

  @Test
  void heartRateLagsBehindAnEffortAndStaysUpAfterIt() {
    GeneratedActivity ride = SessionSimulator.simulate(session(SessionKind.INTERVAL_RIDE, 90, 9));
    Range effort = ride.efforts().get(0);
    List<Sample> s = ride.samples();

    int atStart = s.get(effort.from()).heartRate();
    int after10 = s.get(effort.from() + 10).heartRate();
    int atEnd = s.get(effort.to() - 1).heartRate();
    int tenAfter = s.get(effort.to() + 10).heartRate();

    assertThat(after10).isLessThan(atEnd - 10);
    assertThat(atEnd).isGreaterThan(165);
    assertThat(atStart).isLessThan(atEnd - 20);
    assertThat(tenAfter).isGreaterThan(atEnd - 15);
  }

  @Test
  void aRunHasNoPowerRunningCadenceAndALapEveryFiveKilometres() {
    GeneratedActivity run = SessionSimulator.simulate(session(SessionKind.LONG_RUN, 100, 11));
    List<Sample> samples = run.samples();

    assertThat(samples).allMatch(s -> s.power() == null);
    assertThat(samples).allMatch(s -> s.cadence() >= 80 && s.cadence() <= 93);
    double meanSpeed = run.distance() / samples.size();
    assertThat(meanSpeed).isBetween(2.6, 3.2);
    List<Range> laps = run.laps();
    assertThat(laps).hasSize(1 + (int) (run.distance() / 5000));
    for (int lap = 1; lap < laps.size(); lap++) {
      assertThat(samples.get(laps.get(lap).from()).distance()).isGreaterThanOrEqualTo(lap * 5000.0);
      assertThat(samples.get(laps.get(lap).from() - 1).distance()).isLessThan(lap * 5000.0);
    }
  }

  @Test
  void aTempoRunHoldsNearThresholdSpeed() {
    GeneratedActivity run = SessionSimulator.simulate(session(SessionKind.TEMPO_RUN, 60, 12));
    Range tempo = run.efforts().get(0);
    double meters =
        run.samples().get(tempo.to() - 1).distance()
            - run.samples().get(tempo.from() - 1).distance();

    assertThat(meters / (tempo.to() - tempo.from()) / ATHLETE.thresholdSpeed())
        .isBetween(0.90, 1.02);
  }

  @Test
  void temperatureFollowsSeasonAndTimeOfDay() {
    int winterMorning =
        SessionSimulator.temperature(
            LocalDate.of(2025, 1, 20).atTime(7, 0).atZone(SeasonPlan.HOME));
    int summerAfternoon =
        SessionSimulator.temperature(
            LocalDate.of(2025, 7, 20).atTime(15, 0).atZone(SeasonPlan.HOME));

    assertThat(winterMorning).isBetween(-5, 5);
    assertThat(summerAfternoon).isBetween(20, 30);
  }

  static double meanPower(List<Sample> samples, Range range) {
    return samples.subList(range.from(), range.to()).stream()
        .mapToInt(Sample::power)
        .average()
        .orElseThrow();
  }
}
