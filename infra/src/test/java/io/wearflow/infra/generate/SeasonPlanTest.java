package io.wearflow.infra.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.generate.GeneratedActivity.Range;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeasonPlanTest {

  private static final LocalDate END = LocalDate.of(2025, 6, 29);
  private static final List<PlannedSession> SEASON = SeasonPlan.plan(42, 26, END);

  @Test
  void everyWeekHasFourToSixSessionsWithTheKeySessionsOutsideRecoveryWeeks() {
    Map<Integer, List<PlannedSession>> weeks =
        SEASON.stream().collect(Collectors.groupingBy(PlannedSession::week));

    assertThat(weeks).hasSize(26);
    weeks.forEach(
        (week, sessions) -> {
          assertThat(sessions).hasSizeBetween(4, 6);
          List<SessionKind> kinds = sessions.stream().map(PlannedSession::kind).toList();
          if (SeasonPlan.isRestWeek(week)) {
            assertThat(kinds).doesNotContain(SessionKind.INTERVAL_RIDE, SessionKind.TEMPO_RUN);
          } else {
            assertThat(kinds)
                .contains(
                    SessionKind.INTERVAL_RIDE,
                    SessionKind.TEMPO_RUN,
                    SessionKind.ENDURANCE_RIDE,
                    SessionKind.LONG_RUN);
          }
        });
    assertThat(SEASON.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(SEASON.get(SEASON.size() - 1).start().toLocalDate()).isEqualTo(END);
    assertThat(SEASON.get(SEASON.size() - 1).start().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
  }

  @Test
  void recoveryWeeksAreShorterThanTheWeeksAroundThem() {
    for (int week = 3; week < 25; week += 4) {
      assertThat(hours(week)).isLessThan(0.8 * Math.min(hours(week - 1), hours(week + 1)));
    }
  }

  @Test
  void theLongRideGrowsToAboutFourHoursAndFitnessRisesFiveToEightPercent() {
    List<PlannedSession> longRides =
        SEASON.stream()
            .filter(s -> s.kind() == SessionKind.ENDURANCE_RIDE && !s.restWeek())
            .filter(s -> s.start().getDayOfWeek() == DayOfWeek.SATURDAY)
            .toList();
    assertThat(longRides.get(0).durationSeconds()).isBetween(90 * 60, 110 * 60);
    assertThat(longRides.get(longRides.size() - 1).durationSeconds())
        .isBetween(3 * 3600 + 30 * 60, 4 * 3600);

    double first = SEASON.get(0).athlete().ftpWatts();
    double last = SEASON.get(SEASON.size() - 1).athlete().ftpWatts();
    assertThat(first).isEqualTo(250);
    assertThat(last / first).isBetween(1.05, 1.08);
  }

  @Test
  void intervalEffortsGetStrongerOverTheSeason() {
    List<PlannedSession> intervals =
        SEASON.stream().filter(s -> s.kind() == SessionKind.INTERVAL_RIDE).toList();
    double early = meanEffortPower(intervals.subList(0, 4));
    double late = meanEffortPower(intervals.subList(intervals.size() - 4, intervals.size()));

    double ftpGain =
        intervals.get(intervals.size() - 1).athlete().ftpWatts()
            / intervals.get(0).athlete().ftpWatts();
    assertThat(late / early).isGreaterThan(1 + (ftpGain - 1) * 0.5);
    assertThat(late / early).isLessThan(1 + (ftpGain - 1) * 1.8);
  }

  @Test
  void theAthleteCrossesDstAtHomeAndSpendsACampWeekInDenver() {
    assertThat(SEASON.stream().map(s -> s.start().getOffset()).distinct())
        .contains(ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), ZoneOffset.ofHours(-6));
    List<PlannedSession> camp =
        SEASON.stream().filter(s -> s.start().getZone().equals(SeasonPlan.CAMP)).toList();
    assertThat(camp).isNotEmpty().allMatch(s -> s.week() == camp.get(0).week());
    // An evening session at the camp starts on the next day in UTC: local dates matter.
    assertThat(camp)
        .anyMatch(
            s ->
                !s.start()
                    .toLocalDate()
                    .equals(s.start().toInstant().atZone(ZoneOffset.UTC).toLocalDate()));
  }

  @Test
  void theSamePlanComesFromTheSameSeed() {
    assertThat(SeasonPlan.plan(42, 26, END)).isEqualTo(SEASON);
    assertThat(SeasonPlan.plan(43, 26, END)).isNotEqualTo(SEASON);
  }

  private static double hours(int week) {
    return SEASON.stream()
            .filter(s -> s.week() == week)
            .mapToInt(PlannedSession::durationSeconds)
            .sum()
        / 3600.0;
  }

  private static double meanEffortPower(List<PlannedSession> sessions) {
    double sum = 0;
    int count = 0;
    for (PlannedSession session : sessions) {
      GeneratedActivity ride = SessionSimulator.simulate(session);
      for (Range effort : ride.efforts()) {
        sum += SessionSimulatorTest.meanPower(ride.samples(), effort);
        count++;
      }
    }
    return sum / count;
  }
}
