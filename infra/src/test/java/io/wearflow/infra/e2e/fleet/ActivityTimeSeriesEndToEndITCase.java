package io.wearflow.infra.e2e.fleet;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.infra.e2e.fleet.ExpectedDays.Day;
import io.wearflow.infra.e2e.fleet.FleetBadRequests.BadRequest;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activity time series ({@code PUT /api/0.1/activity_timeseries/}) end to end on one in-process
 * local stack on the real clock (Kafka broker, Apicurio registry, PostgreSQL, Flink MiniCluster
 * running the user-day job, HTTP edge), as a device fleet uses it: the user's time zone over time,
 * late and repeated points, the day with its minute curves, paging, and the {@code user_days}
 * Parquet export. Expected values are computed in the test with {@code java.time} ({@link
 * ExpectedDays}) or spelt out with their arithmetic. Dates are relative to today and within the
 * last 7 days, except where a test is about lateness or the 8-day span of a request. Each test
 * registers its own athlete; results appear asynchronously, so tests poll ({@code Eventually}).
 *
 * <p>DST changes of Europe/Berlin and America/New_York are in {@link DaylightSavingEndToEndITCase},
 * which needs a clock set to their dates.
 */
class ActivityTimeSeriesEndToEndITCase {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  /** effective_from of a user's first zone: long before any point. */
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  private static final String SOURCE = "activity-timeseries-0.1";

  @TempDir static Path dataDir;

  private static LocalStack stack;
  private static FleetApi api;
  private static StackTopics topics;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(TestStacks.config(dataDir));
    api = new FleetApi(TestStacks.api(stack));
    topics = new StackTopics(stack);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aUserWhoMovesHasEachPointCountedInTheZoneInForceAtIt() throws Exception {
    Athlete athlete = api.newAthlete("mover");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    Instant move = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    api.putTimeZone(athlete, BERLIN.getId(), LONG_AGO, 0);
    JsonNode settings = api.putTimeZone(athlete, NEW_YORK.getId(), move, 0);
    assertThat(settings.get("current").get("time_zone").asText()).isEqualTo(NEW_YORK.getId());
    assertThat(settings.get("history"))
        .extracting(s -> s.get("time_zone").asText() + " " + s.get("effective_from").asText())
        .containsExactly(BERLIN.getId() + " " + LONG_AGO, NEW_YORK.getId() + " " + move);
    assertThat(api.timeZone(athlete)).isEqualTo(settings);

    // A point a minute from the last minute of the day before in Berlin to the first minute of
    // the day after in New York. In winter (+01:00, -05:00) the day lasts from 00:00 in Berlin
    // (23:00Z the day before) to 13:00 when the user moves (12:00Z), where it is 07:00 in New
    // York, on to 24:00 in New York (05:00Z): 13 h + 17 h = 30 h, 1,800 points, whose hours from
    // 07:00 to 12:59 share their curve slots.
    Instant first = day.atStartOfDay(BERLIN).toInstant().minusSeconds(60);
    Instant last = day.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
    TimeSeriesBatch batch = TimeSeriesBatch.of("band", "SN-" + athlete.id());
    for (Instant t = first; !t.isAfter(last); t = t.plusSeconds(60)) {
      batch.steps(t, 1 + t.getEpochSecond() / 60 % 50);
    }
    api.putTimeSeriesAccepted(athlete, batch);

    ExpectedDays expected = ExpectedDays.moving(BERLIN, move, NEW_YORK);
    SortedMap<LocalDate, Day> days = expected.days(batch.points());
    assertThat(days).containsOnlyKeys(day.minusDays(1), day, day.plusDays(1));
    assertThat(days.get(day).sampleCount())
        .isEqualTo(
            Duration.between(day.atStartOfDay(BERLIN), day.plusDays(1).atStartOfDay(NEW_YORK))
                .toMinutes());
    assertThat(days.get(day.minusDays(1)).sampleCount()).isOne();
    assertThat(days.get(day.plusDays(1)).sampleCount()).isOne();

    awaitSampleCounts(athlete, days);
    assertTotals(athlete, days);
    assertThat(FleetApi.doubles(api.day(athlete, day).get("minutes").get("steps")))
        .containsExactlyElementsOf(expected.curve(batch.points(), TimeSeriesBatch.STEPS, day));

    // The edge stamped each point with the zone in force at it and that zone's offset there.
    List<ConsumerRecord<byte[], Sample>> records = topics.samplesOf(athlete.id());
    assertThat(records).hasSize(batch.points().size());
    assertThat(records)
        .allSatisfy(
            r -> {
              Sample s = r.value();
              ZoneId zone = s.getStartTime().isBefore(move) ? BERLIN : NEW_YORK;
              assertThat(s.getZoneId()).isEqualTo(zone.getId());
              assertThat(s.getZoneOffsetSeconds())
                  .isEqualTo(zone.getRules().getOffset(s.getStartTime()).getTotalSeconds());
            });
  }

  @Test
  void aPointSevenDaysLateUpdatesItsDayAndOneNineDaysLateGoesToDeadLetters() throws Exception {
    Athlete athlete = api.newAthlete("late"); // no zone set: UTC
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    // About 7 days 2 hours late: within the 8 days accepted.
    Instant sevenDaysAgo = now.minus(Duration.ofDays(7)).minus(Duration.ofHours(2));
    Instant besideIt = sameDayNeighbour(sevenDaysAgo);
    LocalDate lateDay = LocalDate.ofInstant(sevenDaysAgo, ZoneOffset.UTC);

    api.putTimeSeriesAccepted(
        athlete,
        TimeSeriesBatch.of("band", "SN-late")
            .steps(sevenDaysAgo, 40)
            .distance(sevenDaysAgo, 30)
            .calories(sevenDaysAgo, 5000));
    assertThatEventually(
        () -> assertThat(api.day(athlete, lateDay).get("steps").asDouble()).isEqualTo(40));
    Instant firstUpdate = Instant.parse(api.day(athlete, lateDay).get("updated_at").asText());

    api.putTimeSeriesAccepted(
        athlete,
        TimeSeriesBatch.of("band", "SN-late")
            .steps(besideIt, 25)
            .distance(besideIt, 20)
            .calories(besideIt, 3000));
    // 40 + 25 steps, 30 + 20 m, 5,000 + 3,000 J, 3 + 3 points
    assertThatEventually(
        () -> {
          JsonNode updated = api.day(athlete, lateDay);
          assertThat(updated.get("steps").asDouble()).isEqualTo(65);
          assertThat(updated.get("distance").asDouble()).isEqualTo(50);
          assertThat(updated.get("calories").asDouble()).isEqualTo(8000);
          assertThat(updated.get("sample_count").asInt()).isEqualTo(6);
          assertThat(Instant.parse(updated.get("updated_at").asText())).isAfter(firstUpdate);
        });
    // Re-published to the export too: both publications, the latest with the new total.
    assertThatEventually(
        () -> {
          assertThat(UserDayExports.rows(stack.endpoints().exportsDir(), athlete.id()))
              .filteredOn(r -> r.localDate().equals(lateDay))
              .extracting(UserDayExports.Row::stepsTotal)
              .contains(40.0, 65.0);
          assertThat(UserDayExports.latest(stack.endpoints().exportsDir(), athlete.id()))
              .singleElement()
              .satisfies(r -> assertThat(r.stepsTotal()).isEqualTo(65));
        });

    // About 9 days 10 minutes before now: the edge accepts it, the job does not count it.
    Instant nineDaysAgo = now.minus(Duration.ofDays(9)).minus(Duration.ofMinutes(10));
    LocalDate tooLateDay = LocalDate.ofInstant(nineDaysAgo, ZoneOffset.UTC);
    api.putTimeSeriesAccepted(
        athlete, TimeSeriesBatch.of("band", "SN-late").steps(nineDaysAgo, 77));

    List<ConsumerRecord<byte[], DeadLetter>> letters = new ArrayList<>();
    assertThatEventually(
        () -> {
          letters.clear();
          letters.addAll(
              topics.deadLetters().stream()
                  .filter(r -> isSampleOf(r.value(), athlete.id(), nineDaysAgo))
                  .toList());
          assertThat(letters).isNotEmpty();
        });
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value();
    JsonNode sample = WearflowApi.parse(new String(bytes(letter.getValue()), UTF_8));
    Duration lateness =
        Duration.ofMillis(sample.get("received_at").asLong() - sample.get("end_time").asLong());
    assertThat(lateness).isGreaterThan(Duration.ofDays(8));
    assertThat(letter.getJob()).isEqualTo(LocalStack.USER_DAY_JOB);
    assertThat(letter.getTopic()).isEqualTo(stack.config().http().api().kafka().samplesTopic());
    assertThat(new String(bytes(letter.getKey()), UTF_8)).isEqualTo(Long.toString(athlete.id()));
    assertThat(letter.getReason()).contains("too late").contains(lateness.toDays() + " days");
    assertThat(sample.get("value").asDouble()).isEqualTo(77);

    // Rejected, so its day never appears, and the late day is as it was.
    assertThat(api.getDay(athlete, tooLateDay).statusCode()).isEqualTo(404);
    assertThat(api.days(athlete, tooLateDay.minusDays(1), tooLateDay.plusDays(1)).get("days"))
        .isEmpty();
    assertThat(api.day(athlete, lateDay).get("steps").asDouble()).isEqualTo(65);
  }

  @Test
  void aBatchSentThreeTimesCountsOnceAndACorrectionReplacesItsPoint() throws Exception {
    Athlete athlete = api.newAthlete("resend");
    api.putTimeZone(athlete, TOKYO.getId(), LONG_AGO, 0);
    LocalDate day = LocalDate.now(TOKYO).minusDays(2);
    Instant t0 = day.atTime(8, 0).atZone(TOKYO).toInstant();
    TimeSeriesBatch batch = TimeSeriesBatch.of("band", "SN-0001");
    for (int i = 0; i < 10; i++) {
      Instant t = t0.plusSeconds(60L * i);
      batch.steps(t, 100 + 10 * i).distance(t, 80 + 5 * i).calories(t, 20_000 + 1000 * i);
    }
    for (int i = 0; i < 3; i++) {
      api.putTimeSeriesAccepted(athlete, batch);
    }
    // Sent after the resends: a point of another recorder of the same model at the same minute
    // as the first. It is a measurement of its own (the recorder is part of the identity), and
    // once it shows, the job has got past the resends (one user's points stay in order).
    api.putTimeSeriesAccepted(athlete, TimeSeriesBatch.of("band", "SN-0002").steps(t0, 7));
    assertThatEventually(() -> assertThat(sampleCount(athlete, day)).isEqualTo(31));

    // steps 100 + 110 + ... + 190 = 1,450, plus 7; distance 80 + 85 + ... + 125 = 1,025 m;
    // calories 20,000 + 21,000 + ... + 29,000 = 245,000 J; 30 points + 1
    assertDay(athlete, day, 1457, 1025, 245_000, 31);
    JsonNode sources = api.day(athlete, day).get("sources");
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).get("source").asText()).isEqualTo(SOURCE);
    assertThat(sources.get(0).get("device_name").asText()).isEqualTo("band");
    assertThat(sources.get(0).get("steps").asDouble()).isEqualTo(1457);
    assertThat(sources.get(0).get("sample_count").asInt()).isEqualTo(31);

    // Corrections: steps at 08:03 130 -> 135 (+5), distance at 08:05 105 -> 100 (-5).
    Instant t3 = t0.plusSeconds(3 * 60);
    Instant t5 = t0.plusSeconds(5 * 60);
    api.putTimeSeriesAccepted(
        athlete,
        batch
            .withValue(TimeSeriesBatch.STEPS, t3, 135)
            .withValue(TimeSeriesBatch.DISTANCE, t5, 100));
    assertThatEventually(() -> assertDay(athlete, day, 1457 + 5, 1025 - 5, 245_000, 31));
    List<Double> steps = FleetApi.doubles(api.day(athlete, day).get("minutes").get("steps"));
    assertThat(steps.get(8 * 60)).as("08:00, both recorders").isEqualTo(100.0 + 7);
    assertThat(steps.get(8 * 60 + 3)).as("08:03, corrected").isEqualTo(135.0);
  }

  @Test
  void theDayCurveHoldsEachPointInItsLocalMinuteAfterTheDayStart() throws Exception {
    // Kolkata is +05:30, so local minutes are not UTC minutes shifted by whole hours.
    LocalDate day = LocalDate.now(KOLKATA).minusDays(3);
    Athlete fromMidnight = api.newAthlete("curve-midnight");
    api.putTimeZone(fromMidnight, KOLKATA.getId(), LONG_AGO, 0);
    Athlete fromFour = api.newAthlete("curve-four");
    api.putTimeZone(fromFour, KOLKATA.getId(), LONG_AGO, 4);

    TimeSeriesBatch midnight =
        TimeSeriesBatch.of("ring", "SN-A")
            .steps(at(day, "00:00"), 11) // slot 0
            .steps(at(day, "00:01"), 12) // slot 1
            .steps(at(day, "07:30"), 13) // slot 7 * 60 + 30 = 450
            .distance(at(day, "07:30"), 9.5)
            .steps(at(day, "23:59"), 14) // slot 1439
            .steps(at(day.plusDays(1), "00:00"), 15); // the next day's slot 0
    TimeSeriesBatch four =
        TimeSeriesBatch.of("ring", "SN-B")
            .steps(at(day, "03:59"), 21) // the day before, slot 1439
            .steps(at(day, "04:00"), 22) // slot 0
            .steps(at(day, "12:34"), 23) // slot (12:34 - 04:00) = 8 * 60 + 34 = 514
            .calories(at(day, "12:34"), 1500)
            .steps(at(day.plusDays(1), "03:59"), 24) // still this day: slot 1439
            .steps(at(day.plusDays(1), "04:00"), 25); // the next day's slot 0
    api.putTimeSeriesAccepted(fromMidnight, midnight);
    api.putTimeSeriesAccepted(fromFour, four);

    ExpectedDays midnightDays = ExpectedDays.in(KOLKATA, 0);
    ExpectedDays fourDays = ExpectedDays.in(KOLKATA, 4);
    awaitSampleCounts(fromMidnight, midnightDays.days(midnight.points()));
    awaitSampleCounts(fromFour, fourDays.days(four.points()));

    JsonNode a = api.day(fromMidnight, day);
    assertThat(a.get("day_start_hour").asInt()).isZero();
    assertThat(a.get("minutes").get("first_slot").asText()).isEqualTo("00:00");
    assertThat(a.get("minutes").get("slots").asInt()).isEqualTo(1440);
    List<Double> stepsA = FleetApi.doubles(a.get("minutes").get("steps"));
    assertThat(slotsWithData(stepsA)).containsExactly(0, 1, 450, 1439);
    assertThat(List.of(stepsA.get(0), stepsA.get(1), stepsA.get(450), stepsA.get(1439)))
        .containsExactly(11.0, 12.0, 13.0, 14.0);
    assertThat(stepsA)
        .containsExactlyElementsOf(midnightDays.curve(midnight.points(), "steps", day));
    List<Double> distanceA = FleetApi.doubles(a.get("minutes").get("distance"));
    assertThat(slotsWithData(distanceA)).containsExactly(450);
    assertThat(distanceA.get(450)).isEqualTo(9.5);
    assertThat(FleetApi.doubles(a.get("minutes").get("calories"))).containsOnlyNulls();
    assertThat(FleetApi.doubles(a.get("minutes").get("bpm"))).containsOnlyNulls();
    assertThat(FleetApi.doubles(api.day(fromMidnight, day.plusDays(1)).get("minutes").get("steps")))
        .startsWith(15.0, null);

    JsonNode b = api.day(fromFour, day);
    assertThat(b.get("day_start_hour").asInt()).isEqualTo(4);
    assertThat(b.get("minutes").get("first_slot").asText()).isEqualTo("04:00");
    List<Double> stepsB = FleetApi.doubles(b.get("minutes").get("steps"));
    assertThat(slotsWithData(stepsB)).containsExactly(0, 514, 1439);
    assertThat(List.of(stepsB.get(0), stepsB.get(514), stepsB.get(1439)))
        .containsExactly(22.0, 23.0, 24.0);
    assertThat(stepsB).containsExactlyElementsOf(fourDays.curve(four.points(), "steps", day));
    assertThat(FleetApi.doubles(b.get("minutes").get("calories")).get(514)).isEqualTo(1500);
    // 22 + 23 + 24 steps; 03:59 on the day belongs to the day before, 04:00 the next day to the
    // day after.
    assertThat(b.get("steps").asDouble()).isEqualTo(69);
    List<Double> before =
        FleetApi.doubles(api.day(fromFour, day.minusDays(1)).get("minutes").get("steps"));
    assertThat(slotsWithData(before)).containsExactly(1439);
    assertThat(before.get(1439)).isEqualTo(21.0);
    List<Double> after =
        FleetApi.doubles(api.day(fromFour, day.plusDays(1)).get("minutes").get("steps"));
    assertThat(slotsWithData(after)).containsExactly(0);
    assertThat(after.get(0)).isEqualTo(25.0);
  }

  @Test
  void actigraphyPagesWithLimitAndNext() throws Exception {
    Athlete athlete = api.newAthlete("pages"); // UTC
    LocalDate d = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    // Days with data: d-3, d-2, d, d+1 (d-1 has none, so it is not listed).
    List<LocalDate> withData = List.of(d.minusDays(3), d.minusDays(2), d, d.plusDays(1));
    TimeSeriesBatch batch = TimeSeriesBatch.of("band", "SN-pages");
    for (int i = 0; i < withData.size(); i++) {
      batch.steps(withData.get(i).atTime(12, 0).toInstant(ZoneOffset.UTC), 10 * (i + 1));
    }
    api.putTimeSeriesAccepted(athlete, batch);
    LocalDate start = d.minusDays(5);
    LocalDate end = d.plusDays(2);
    assertThatEventually(
        () ->
            assertThat(FleetApi.dates(api.days(athlete, start, end)))
                .containsExactlyElementsOf(withData));

    JsonNode first =
        api.page(
            athlete,
            FleetApi.ACTIGRAPHY + "?start_date=" + start + "&end_date=" + end + "&limit=3");
    assertThat(first.get("start_date").asText()).isEqualTo(start.toString());
    assertThat(first.get("end_date").asText()).isEqualTo(end.toString());
    assertThat(first.get("limit").asInt()).isEqualTo(3);
    assertThat(FleetApi.dates(first)).containsExactlyElementsOf(withData.subList(0, 3));
    // The next page starts the day after the last day listed.
    assertThat(first.get("next").asText())
        .isEqualTo(
            FleetApi.ACTIGRAPHY + "?start_date=" + d.plusDays(1) + "&end_date=" + end + "&limit=3");
    JsonNode second = api.page(athlete, first.get("next").asText());
    assertThat(FleetApi.dates(second)).containsExactly(d.plusDays(1));
    assertThat(second.get("next").isNull()).isTrue();

    // One day per page: four pages, the days in order with their steps.
    List<LocalDate> dates = new ArrayList<>();
    List<Double> steps = new ArrayList<>();
    int pages = 0;
    String next = FleetApi.ACTIGRAPHY + "?start_date=" + start + "&end_date=" + end + "&limit=1";
    while (next != null) {
      JsonNode page = api.page(athlete, next);
      pages++;
      assertThat(page.get("days").size()).isLessThanOrEqualTo(1);
      dates.addAll(FleetApi.dates(page));
      page.get("days").forEach(day -> steps.add(day.get("steps").asDouble()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      assertThat(pages).as("pages followed").isLessThanOrEqualTo(withData.size());
    }
    assertThat(pages).isEqualTo(4);
    assertThat(dates).containsExactlyElementsOf(withData);
    assertThat(steps).containsExactly(10.0, 20.0, 30.0, 40.0);
  }

  @Test
  void userDaysExportHoldsEveryPublicationAndTheLatestEqualsTheTable() throws Exception {
    Athlete athlete = api.newAthlete("export");
    api.putTimeZone(athlete, SAO_PAULO.getId(), LONG_AGO, 4);
    LocalDate day = LocalDate.now(SAO_PAULO).minusDays(2);
    Instant t0 = day.atTime(9, 0).atZone(SAO_PAULO).toInstant();
    TimeSeriesBatch batch = TimeSeriesBatch.of("watch", "SN-export");
    for (int i = 0; i < 20; i++) {
      Instant t = t0.plusSeconds(60L * i);
      batch.steps(t, 120).distance(t, 90).calories(t, 30_000);
    }
    api.putTimeSeriesAccepted(athlete, batch);
    // 20 minutes of 120 steps: 2,400 steps, all 20 minutes active (at least 100 steps)
    assertThatEventually(
        () -> assertThat(api.day(athlete, day).get("steps").asDouble()).isEqualTo(2400));

    Instant t5 = t0.plusSeconds(5 * 60);
    Instant ten = day.atTime(10, 0).atZone(SAO_PAULO).toInstant();
    api.putTimeSeriesAccepted(
        athlete, TimeSeriesBatch.of("watch", "SN-export").steps(t5, 60).steps(ten, 130));
    // 2,400 - 120 + 60 + 130 = 2,470 steps; active 19 + 1 (10:00) = 20; 21 minutes with data;
    // 60 + 1 samples; 1,800 m; 600,000 J
    assertThatEventually(
        () -> {
          JsonNode now = api.day(athlete, day);
          assertThat(now.get("steps").asDouble()).isEqualTo(2470);
          assertThat(now.get("active_minutes").asInt()).isEqualTo(20);
          assertThat(now.get("minutes_with_data").asInt()).isEqualTo(21);
          assertThat(now.get("sample_count").asInt()).isEqualTo(61);
          assertThat(now.get("distance").asDouble()).isEqualTo(1800);
          assertThat(now.get("calories").asDouble()).isEqualTo(600_000);
        });

    Path exports = stack.endpoints().exportsDir();
    TableDay table = tableDay(athlete.id(), day);
    assertThat(table.steps()).isEqualTo(2470);
    // The latest row is committed with the checkpoint after its publication.
    assertThatEventually(
        () ->
            assertThat(UserDayExports.latest(exports, athlete.id()))
                .singleElement()
                .satisfies(latest -> assertEqualsTable(latest, table, day)));
    UserDayExports.Row latest = UserDayExports.latest(exports, athlete.id()).get(0);
    // 09:05 is 5 h 5 min after the 04:00 day start: slot 305; 10:00 is slot 360
    assertThat(latest.stepsPerMinute().get(305)).isEqualTo(60.0);
    assertThat(latest.stepsPerMinute().get(360)).isEqualTo(130.0);
    assertThat(latest.dayStartHour()).isEqualTo(4);
    assertThat(latest.devices()).containsExactly("watch");

    // Every publication is a row (those of other subtasks may be committed a moment later); the
    // first held the first total.
    assertThatEventually(
        () -> {
          List<UserDayExports.Row> rows = UserDayExports.rows(exports, athlete.id());
          assertThat(rows).allSatisfy(r -> assertThat(r.localDate()).isEqualTo(day));
          assertThat(rows).extracting(UserDayExports.Row::version).doesNotHaveDuplicates();
          assertThat(rows).extracting(UserDayExports.Row::stepsTotal).contains(2400.0, 2470.0);
          assertThat(rows.get(rows.size() - 1)).isEqualTo(latest);
        });
  }

  /**
   * Every limit of the three ingestion contracts ({@link FleetBadRequests}) is refused with a
   * problem naming the field; afterwards the samples and sessions topics hold nothing of this
   * athlete but the valid requests it sent last.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class RefusedRequests {

    private Athlete athlete;

    @BeforeAll
    void registerAthlete() throws Exception {
      athlete = api.newAthlete("refused");
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.wearflow.infra.e2e.fleet.FleetBadRequests#all")
    void aBrokenLimitIsRefusedWithAProblemNamingTheField(BadRequest bad) throws Exception {
      HttpResponse<String> response =
          api.http().send(bad.method(), bad.path(), bad.body(), athlete.token());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = WearflowApi.parse(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(422);
      assertThat(problem.get("errors"))
          .extracting(e -> e.get("pointer").asText())
          .containsExactly(bad.pointer());
      assertThat(problem.get("errors").get(0).get("detail").asText()).isNotBlank();
    }

    @Order(2)
    @Test
    void nothingOfARefusedRequestReachedKafka() throws Exception {
      // Valid requests sent after the refused ones. One producer writes each topic and one
      // user's records go to one partition, so a record of a refused request would be there too.
      // The time series spans exactly 8 days, the longest allowed.
      Instant last = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      Instant first = last.minusSeconds(FleetBadRequests.EIGHT_DAYS);
      api.putTimeSeriesAccepted(
          athlete,
          TimeSeriesBatch.of("band", "SN-LIMITS")
              .steps(first, 11)
              .steps(last, 12)
              .distance(last, 13));
      JsonNode session =
          api.putSessionOk(athlete, "limits-ok", FleetBadRequests.validSession().toString());
      assertThat(session.get("id").asText()).isEqualTo("limits-ok");

      List<ConsumerRecord<byte[], Sample>> samples = topics.samplesOf(athlete.id());
      assertThat(samples).extracting(r -> r.value().getValue()).containsExactly(11.0, 12.0, 13.0);
      assertThat(samples)
          .extracting(r -> new String(r.key(), UTF_8))
          .containsOnly(Long.toString(athlete.id()));
      List<ConsumerRecord<byte[], Session>> sessions = topics.sessionsOf(athlete.id());
      assertThat(sessions)
          .extracting(r -> new String(r.key(), UTF_8))
          .containsExactly(athlete.id() + "/limits-ok");
    }
  }

  /** A minute of the same UTC date next to {@code t}. */
  private static Instant sameDayNeighbour(Instant t) {
    LocalTime time = LocalTime.ofInstant(t, ZoneOffset.UTC);
    return time.equals(LocalTime.of(23, 59)) ? t.minusSeconds(60) : t.plusSeconds(60);
  }

  /** {@code time} (HH:mm) on {@code date} in Kolkata. */
  private static Instant at(LocalDate date, String time) {
    return date.atTime(LocalTime.parse(time)).atZone(KOLKATA).toInstant();
  }

  private static List<Integer> slotsWithData(List<Double> curve) {
    return IntStream.range(0, curve.size()).filter(i -> curve.get(i) != null).boxed().toList();
  }

  /** Whether a dead letter holds the sample of {@code userId} starting at {@code start}. */
  private static boolean isSampleOf(DeadLetter letter, long userId, Instant start) {
    if (letter.getValue() == null) {
      return false;
    }
    try {
      JsonNode sample = WearflowApi.parse(new String(bytes(letter.getValue()), UTF_8));
      return sample.path("user_id").asLong() == userId
          && sample.path("start_time").asLong() == start.toEpochMilli();
    } catch (Exception notJson) {
      return false; // a record the job could not decode
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private static int sampleCount(Athlete athlete, LocalDate date) throws Exception {
    JsonNode day = WearflowApi.day(api.days(athlete, date, date), date);
    return day == null ? 0 : day.get("sample_count").asInt();
  }

  /** Waits until the listed days and their sample counts are {@code days}'. */
  private static void awaitSampleCounts(Athlete athlete, SortedMap<LocalDate, Day> days)
      throws Exception {
    List<String> expected =
        days.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().sampleCount()).toList();
    assertThatEventually(
        () ->
            assertThat(api.days(athlete, days.firstKey(), days.lastKey()).get("days"))
                .extracting(d -> d.get("date").asText() + " " + d.get("sample_count").asInt())
                .containsExactlyElementsOf(expected));
  }

  /** Every day's steps, distance, calories, sample count and minutes with data. */
  private static void assertTotals(Athlete athlete, SortedMap<LocalDate, Day> days)
      throws Exception {
    JsonNode listed = api.days(athlete, days.firstKey(), days.lastKey());
    for (Map.Entry<LocalDate, Day> e : days.entrySet()) {
      JsonNode actual = WearflowApi.day(listed, e.getKey());
      assertThat(actual).as("day %s", e.getKey()).isNotNull();
      Day want = e.getValue();
      assertThat(actual.get("steps").asDouble()).as("steps").isEqualTo(want.steps());
      assertThat(actual.get("distance").asDouble())
          .as("distance")
          .isCloseTo(want.distance(), within(1e-6));
      assertThat(actual.get("calories").asDouble())
          .as("calories")
          .isCloseTo(want.calories(), within(1e-6));
      assertThat(actual.get("sample_count").asInt())
          .as("sample_count")
          .isEqualTo(want.sampleCount());
      assertThat(actual.get("minutes_with_data").asInt())
          .as("minutes_with_data")
          .isEqualTo(want.minutesWithData());
    }
  }

  private static void assertDay(
      Athlete athlete, LocalDate date, double steps, double distance, double calories, int count)
      throws Exception {
    JsonNode day = api.day(athlete, date);
    assertThat(day.get("steps").asDouble()).as("steps").isEqualTo(steps);
    assertThat(day.get("distance").asDouble()).as("distance").isEqualTo(distance);
    assertThat(day.get("calories").asDouble()).as("calories").isEqualTo(calories);
    assertThat(day.get("sample_count").asInt()).as("sample_count").isEqualTo(count);
  }

  private static void assertEqualsTable(UserDayExports.Row row, TableDay table, LocalDate day) {
    assertThat(row.localDate()).isEqualTo(day);
    assertThat(row.partitionDate()).isEqualTo(day);
    assertThat(row.stepsTotal()).as("steps_total").isEqualTo(table.steps());
    assertThat(row.distanceTotalM()).as("distance_total_m").isEqualTo(table.distance());
    assertThat(row.caloriesTotalJ()).as("calories_total_j").isEqualTo(table.calories());
    assertThat(row.sampleCount()).as("sample_count").isEqualTo(table.sampleCount());
    assertThat(row.minutesWithData()).as("minutes_with_data").isEqualTo(table.minutesWithData());
    assertThat(row.activeMinutes()).as("active_minutes").isEqualTo(table.activeMinutes());
    assertThat(row.dayStartHour()).as("day_start_hour").isEqualTo(table.dayStartHour());
    assertThat(row.devices()).as("devices").isEqualTo(table.devices());
    assertThat(row.updatedAt()).as("updated_at").isEqualTo(table.updatedAt());
    assertThat(row.stepsPerMinute()).as("steps_per_minute").isEqualTo(table.stepsPerMinute());
  }

  /** The columns of a user_day row (and its steps curve) the export is compared with. */
  private record TableDay(
      double steps,
      double distance,
      double calories,
      int sampleCount,
      int minutesWithData,
      int activeMinutes,
      int dayStartHour,
      List<String> devices,
      Instant updatedAt,
      List<Double> stepsPerMinute) {}

  /** The row of the user_day table and its steps curve, read with plain SQL. */
  private static TableDay tableDay(long userId, LocalDate date) throws Exception {
    String sql =
        "SELECT d.steps_total, d.distance_total_m, d.calories_total_j, d.sample_count,"
            + " d.minutes_with_data, d.active_minutes, d.day_start_hour, d.devices, d.updated_at,"
            + " m.steps FROM user_day d JOIN user_day_minutes m USING (user_id, local_date)"
            + " WHERE d.user_id = ? AND d.local_date = ?";
    try (Connection db = stack.database().dataSource().getConnection();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, userId);
      query.setObject(2, date);
      try (ResultSet r = query.executeQuery()) {
        assertThat(r.next()).as("user_day row of %s", date).isTrue();
        return new TableDay(
            r.getDouble(1),
            r.getDouble(2),
            r.getDouble(3),
            r.getInt(4),
            r.getInt(5),
            r.getInt(6),
            r.getInt(7),
            Arrays.asList((String[]) r.getArray(8).getArray()),
            r.getTimestamp(9).toInstant(),
            Arrays.asList((Double[]) r.getArray(10).getArray()));
      }
    }
  }
}
