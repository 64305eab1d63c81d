package io.wearflow.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.simulate.ExpectedDays.Day;
import io.wearflow.infra.simulate.FleetPlan.Batch;
import io.wearflow.infra.simulate.FleetPlan.Kind;
import io.wearflow.infra.simulate.FleetPlan.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedDaysTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Point steps(String utc, double value) {
    Instant start = Instant.parse(utc);
    return new Point("steps", start, start.plusSeconds(60), value);
  }

  @Test
  void lastValueSentWinsAndTooLateBatchesDoNotCount() {
    SimulatedUser user = new SimulatedUser(0, "u", BERLIN, null, null, 0);
    Batch first =
        new Batch(user, Kind.TIME_SERIES, List.of(steps("2026-03-28T10:00:00Z", 10)), "a", false);
    Batch corrected =
        new Batch(user, Kind.TIME_SERIES, List.of(steps("2026-03-28T10:00:00Z", 12)), "b", false);
    Batch old =
        new Batch(user, Kind.TIME_SERIES, List.of(steps("2026-03-28T11:00:00Z", 99)), "c", true);

    Map<LocalDate, Day> days =
        ExpectedDays.of(user, List.of(first, corrected, first, old, corrected));

    assertThat(days).containsOnlyKeys(LocalDate.parse("2026-03-28"));
    assertThat(days.get(LocalDate.parse("2026-03-28")).steps()).isEqualTo(12);
  }

  @Test
  void epochPointsUseTheZoneInForceAndTheDayStartHour() {
    // Berlin switches to summer time on 2026-03-29 at 01:00 UTC (02:00 CET -> 03:00 CEST).
    SimulatedUser early = new SimulatedUser(0, "u", BERLIN, null, null, 4);
    // 2026-03-29T01:30Z is 03:30 CEST: before the 04:00 day start, so it belongs to the 28th.
    assertThat(early.dayOf(Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo("2026-03-28");
    // 2026-03-29T02:00Z is 04:00 CEST: the 29th has started.
    assertThat(early.dayOf(Instant.parse("2026-03-29T02:00:00Z"))).isEqualTo("2026-03-29");

    Instant moves = Instant.parse("2026-03-29T12:00:00Z");
    SimulatedUser traveller =
        new SimulatedUser(1, "t", BERLIN, ZoneId.of("America/New_York"), moves, 0);
    // 23:30 UTC is 01:30 CEST on the 30th in Berlin, but 19:30 EDT on the 29th in New York.
    assertThat(traveller.dayOf(Instant.parse("2026-03-29T23:30:00Z"))).isEqualTo("2026-03-29");
    assertThat(traveller.dayOf(Instant.parse("2026-03-29T11:30:00Z"))).isEqualTo("2026-03-29");
  }

  @Test
  void planIsTheSameForTheSameSeed() {
    FleetOptions options =
        FleetOptions.parse(List.of("--devices", "3", "--days", "1", "--seed", "7"));
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    List<List<Batch>> a =
        new FleetPlan(options, now).batches(new FleetPlan(options, now).users("x"));
    List<List<Batch>> b =
        new FleetPlan(options, now).batches(new FleetPlan(options, now).users("x"));
    assertThat(a).isEqualTo(b);
    // Nothing is sent for the future, and nothing (but the deliberate 9-day-old batch) too late.
    Instant end = now.minus(Duration.ofMinutes(2));
    assertThat(a.stream().flatMap(List::stream).filter(batch -> !batch.tooLate()))
        .allSatisfy(
            batch ->
                assertThat(batch.points())
                    .allSatisfy(
                        p ->
                            assertThat(p.start())
                                .isBefore(end)
                                .isAfter(now.minus(Duration.ofDays(8)))));
  }
}
