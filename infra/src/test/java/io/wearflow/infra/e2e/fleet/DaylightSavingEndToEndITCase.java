package io.wearflow.infra.e2e.fleet;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.infra.e2e.fleet.ExpectedDays.Day;
import io.wearflow.schemas.samples.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A day total across a DST change, for epoch-only points (activity time series) of a user living in
 * Europe/Berlin or America/New_York, end to end: {@code PUT /api/v1/me/timezone}, per-minute steps,
 * distance and calories over the local days around the change, the edge's stamping with the zone's
 * offset at each point, the samples topic, the user-day job, the table, and {@code GET
 * /api/0.1/actigraphy/}. The expected totals are the points grouped by {@code
 * ZonedDateTime.toLocalDate()} ({@link ExpectedDays}); the changing day has 23 or 25 hours of
 * points, and its minute curve leaves the skipped hour empty or adds the repeated hour into the
 * same slots.
 *
 * <p><b>Why this class moves the edge's clock.</b> The user-day job counts a point only if it ended
 * at most 8 days before the edge received it, and forgets a day about two weeks after it ended,
 * both measured on {@code received_at}, which the edge stamps from its clock. The DST changes of
 * these zones are in late March and late October/early November, so on almost every run date points
 * around them would be rightly refused as too late: a test on the real clock could check Berlin and
 * New York only in the week after a change. Checking only the offsets the edge writes to the
 * samples topic would stop before the job, and searching at run time for whichever zone had a
 * change in the last week would test neither Berlin nor New York and would be skipped on most days.
 * So this class runs its own local stack (job, Kafka, registry, PostgreSQL and read endpoints
 * unchanged) plus a second edge built with the production wiring whose only difference is a clock
 * set to just after each change ({@link TimeShiftedEdge}): the pipeline sees exactly what it would
 * have seen had a device sent the points that day. The changes of {@value #YEAR} run in
 * chronological order, so that {@code received_at}, the job's event time, only moves forward (a
 * later clock releases earlier days, and a point reaching a released day is rightly refused). The
 * zone machinery on the real clock (a user moving from Berlin to New York) is covered by {@link
 * ActivityTimeSeriesEndToEndITCase}.
 */
class DaylightSavingEndToEndITCase {

  private static final int YEAR = 2026;

  /** effective_from of the users' zone: long before any point. */
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir static Path dataDir;

  private static LocalStack stack;
  private static TimeShiftedEdge edge;
  private static FleetApi api;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(TestStacks.config(dataDir));
    edge = TimeShiftedEdge.start(stack);
    api = new FleetApi(new WearflowApi(edge.url()));
  }

  @AfterAll
  static void stopStack() {
    if (edge != null) {
      edge.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * One DST change of a zone.
   *
   * @param zone the user's zone
   * @param transition the change, from the JDK's tz rules
   */
  record DstChange(ZoneId zone, ZoneOffsetTransition transition) {

    /** The local date of the change (both zones change in the small hours). */
    LocalDate date() {
      return transition.getDateTimeBefore().toLocalDate();
    }

    @Override
    public String toString() {
      return zone
          + (transition.isGap() ? " springs forward on " : " falls back on ")
          + date()
          + " ("
          + transition.getOffsetBefore()
          + " to "
          + transition.getOffsetAfter()
          + ")";
    }
  }

  /** The spring and autumn changes of Berlin and New York in {@value #YEAR}, oldest first. */
  static Stream<DstChange> changes() {
    List<DstChange> changes = new ArrayList<>();
    for (String id : List.of("Europe/Berlin", "America/New_York")) {
      ZoneId zone = ZoneId.of(id);
      ZoneRules rules = zone.getRules();
      ZoneOffsetTransition spring =
          rules.nextTransition(ZonedDateTime.of(YEAR, 1, 1, 0, 0, 0, 0, zone).toInstant());
      ZoneOffsetTransition autumn = rules.nextTransition(spring.getInstant());
      assertThat(spring.isGap()).as("%s springs forward first", zone).isTrue();
      assertThat(autumn.isOverlap()).as("%s falls back later", zone).isTrue();
      assertThat(autumn.getInstant().atZone(zone).getYear()).isEqualTo(YEAR);
      changes.add(new DstChange(zone, spring));
      changes.add(new DstChange(zone, autumn));
    }
    // Oldest first: New York springs forward on 2026-03-08 (07:00Z), Berlin on 2026-03-29 (01:00Z);
    // Berlin falls back on 2026-10-25 (01:00Z), New York on 2026-11-01 (06:00Z).
    return changes.stream().sorted(Comparator.comparing(c -> c.transition().getInstant()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void dayTotalsFollowTheLocalCalendarAcrossTheChange(DstChange change) throws Exception {
    ZoneId zone = change.zone();
    LocalDate day = change.date();
    // From noon the day before to noon the day after, local time: half a day, the whole changing
    // day, half a day.
    Instant from = day.minusDays(1).atTime(12, 0).atZone(zone).toInstant();
    Instant to = day.plusDays(1).atTime(12, 0).atZone(zone).toInstant();
    // Sent an hour after the last point: every point is at most about 2 days late.
    edge.setNow(to.plus(Duration.ofHours(1)));
    Athlete athlete = api.newAthlete("dst");
    api.putTimeZone(athlete, zone.getId(), LONG_AGO, 0);

    TimeSeriesBatch batch = TimeSeriesBatch.of("band", "SN-" + athlete.id());
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      batch.steps(t, steps(t));
      if (t.getEpochSecond() / 60 % 5 == 0) {
        batch.distance(t, distance(t)).calories(t, calories(t));
      }
    }
    api.putTimeSeriesAccepted(athlete, batch);

    ExpectedDays expected = ExpectedDays.in(zone, 0);
    SortedMap<LocalDate, Day> days = expected.days(batch.points());
    assertThat(days).containsOnlyKeys(day.minusDays(1), day, day.plusDays(1));
    // The changing day lasts 23 h (1,380 minutes) or 25 h (1,500 minutes), and its points fill
    // 1,380 slots (the skipped hour stays empty) or all 1,440 (the repeated hour shares 60).
    long dayMinutes =
        Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toMinutes();
    assertThat(dayMinutes).isEqualTo(change.transition().isGap() ? 1380 : 1500);
    assertThat(days.get(day).minutesWithData())
        .isEqualTo(change.transition().isGap() ? 1380 : 1440);

    assertThatEventually(
        () ->
            assertThat(api.days(athlete, day.minusDays(1), day.plusDays(1)).get("days"))
                .extracting(d -> d.get("date").asText() + " " + d.get("sample_count").asInt())
                .containsExactlyElementsOf(
                    days.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().sampleCount())
                        .toList()));
    JsonNode listed = api.days(athlete, day.minusDays(1), day.plusDays(1));
    for (Map.Entry<LocalDate, Day> e : days.entrySet()) {
      JsonNode actual = WearflowApi.day(listed, e.getKey());
      Day want = e.getValue();
      assertThat(actual.get("steps").asDouble())
          .as("steps of %s", e.getKey())
          .isEqualTo(want.steps());
      assertThat(actual.get("distance").asDouble())
          .as("distance of %s", e.getKey())
          .isCloseTo(want.distance(), within(1e-6));
      assertThat(actual.get("calories").asDouble())
          .as("calories of %s", e.getKey())
          .isCloseTo(want.calories(), within(1e-6));
      assertThat(actual.get("minutes_with_data").asInt())
          .as("minutes_with_data of %s", e.getKey())
          .isEqualTo(want.minutesWithData());
      assertThat(actual.get("day_start_hour").asInt()).isZero();
    }

    JsonNode minutes = api.day(athlete, day).get("minutes");
    assertThat(minutes.get("slots").asInt()).isEqualTo(1440);
    assertThat(minutes.get("first_slot").asText()).isEqualTo("00:00");
    List<Double> stepCurve = FleetApi.doubles(minutes.get("steps"));
    assertThat(stepCurve)
        .as("steps per minute")
        .containsExactlyElementsOf(expected.curve(batch.points(), TimeSeriesBatch.STEPS, day));
    assertThat(FleetApi.doubles(minutes.get("distance")))
        .as("distance per minute")
        .containsExactlyElementsOf(expected.curve(batch.points(), TimeSeriesBatch.DISTANCE, day));
    assertThat(FleetApi.doubles(minutes.get("calories")))
        .as("calories per minute")
        .containsExactlyElementsOf(expected.curve(batch.points(), TimeSeriesBatch.CALORIES, day));
    assertChangedHour(change, stepCurve);

    // The edge stamped each point with the zone's offset at that very instant.
    Instant changedAt = change.transition().getInstant();
    List<ConsumerRecord<byte[], Sample>> records = new StackTopics(stack).samplesOf(athlete.id());
    assertThat(records).hasSize(batch.points().size());
    assertThat(records)
        .allSatisfy(
            r -> {
              Sample s = r.value();
              assertThat(s.getZoneId()).isEqualTo(zone.getId());
              assertThat(s.getZoneOffsetSeconds())
                  .isEqualTo(
                      (s.getStartTime().isBefore(changedAt)
                              ? change.transition().getOffsetBefore()
                              : change.transition().getOffsetAfter())
                          .getTotalSeconds());
            });
  }

  /**
   * The hour the change skips has no data in the curve; the hour it repeats holds, in each slot,
   * the steps of the same wall-clock minute before and after the change.
   */
  private static void assertChangedHour(DstChange change, List<Double> stepCurve) {
    ZoneOffsetTransition transition = change.transition();
    Instant changedAt = transition.getInstant();
    if (transition.isGap()) {
      // e.g. Berlin: 02:00 to 02:59 do not exist on that day (slots 120 to 179)
      int first = minuteOfDay(transition.getDateTimeBefore().toLocalTime());
      assertThat(stepCurve.subList(first, first + 60)).as("the skipped hour").containsOnlyNulls();
      return;
    }
    // e.g. Berlin: 02:00 to 02:59 happen twice, at 00:00Z to 00:59Z (+02:00) and at 01:00Z to
    // 01:59Z (+01:00); New York: 01:00 to 01:59, at 05:00Z (-04:00) and 06:00Z (-05:00)
    int first = minuteOfDay(transition.getDateTimeAfter().toLocalTime());
    for (int k = 0; k < 60; k++) {
      Instant firstTime = changedAt.minus(Duration.ofMinutes(60 - k));
      Instant secondTime = changedAt.plus(Duration.ofMinutes(k));
      assertThat(stepCurve.get(first + k))
          .as("slot %d, the repeated minute %d", first + k, k)
          .isEqualTo(steps(firstTime) + steps(secondTime));
    }
  }

  private static int minuteOfDay(LocalTime time) {
    return time.getHour() * 60 + time.getMinute();
  }

  /** Steps of the minute starting at t: 1 to 90, varying from minute to minute. */
  private static double steps(Instant t) {
    return 1 + t.getEpochSecond() / 60 % 90;
  }

  /** Metres of the minute starting at t: 3.5 to 23, in halves (exact in binary). */
  private static double distance(Instant t) {
    return 3.5 + 0.5 * (t.getEpochSecond() / 60 % 40);
  }

  /** Joules of the minute starting at t: 4,000 to 4,120. */
  private static double calories(Instant t) {
    return 4000 + 10 * (t.getEpochSecond() / 60 % 13);
  }
}
