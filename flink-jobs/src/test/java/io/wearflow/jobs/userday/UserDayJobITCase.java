package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.testing.CollectingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job after decoding on a MiniCluster with parallelism 2, bounded input and collecting sinks:
 * one run with several users, each showing one behaviour; the input is in received_at order, as the
 * edge writes it. The Kafka and registry path is covered by the infra module's tests.
 */
class UserDayJobITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final long BERLIN_USER = 11;
  private static final long NEW_YORK_USER = 12;
  private static final long NIGHT_OWL = 21;
  private static final long RESENDER = 31;
  private static final long LATE_USER = 41;
  private static final long TOO_LATE_USER = 51;
  private static final long BROKEN_USER = 61;

  /** Expected steps per local date and user, computed with java.time. */
  private static final Map<Long, Map<LocalDate, Double>> EXPECTED_STEPS = new HashMap<>();

  /** Expected one-minute points per local date and user. */
  private static final Map<Long, Map<LocalDate, Integer>> EXPECTED_POINTS = new HashMap<>();

  private static final List<Sample> INPUT = new ArrayList<>();
  private static Sample tooLate;
  private static Sample broken;

  private static Map<String, PublishedUserDay> latest;
  private static List<UserDay> rows;
  private static List<Sample> exported;
  private static List<DeadLetter> deadLetters;

  @BeforeAll
  static void runJob() throws Exception {
    // Epoch-only points as the edge stamps them, around both DST changes of 2024.
    epochOnlyPoints(BERLIN_USER, BERLIN, LocalDate.parse("2024-03-31"));
    epochOnlyPoints(NEW_YORK_USER, NEW_YORK, LocalDate.parse("2024-03-10"));
    epochOnlyPoints(BERLIN_USER, BERLIN, LocalDate.parse("2024-10-27"));
    epochOnlyPoints(NEW_YORK_USER, NEW_YORK, LocalDate.parse("2024-11-03"));
    Instant received = Instant.parse("2024-11-05T06:00:00Z");
    // 100 steps over 23:45-00:25 at +04:00: 15 of 40 minutes before midnight.
    INPUT.add(
        steps("2024-11-04T23:45:00+04:00", "2024-11-05T00:25:00+04:00", 100)
            .setUserId(NIGHT_OWL)
            .setReceivedAt(received)
            .build());
    // A batch sent three times, a minute apart.
    for (int send = 0; send < 3; send++) {
      Instant sentAt = received.plusSeconds(60L * send);
      INPUT.add(
          steps("2024-11-04T08:04:51+04:00", "2024-11-04T08:04:58+04:00", 14)
              .setUserId(RESENDER)
              .setReceivedAt(sentAt)
              .build());
      INPUT.add(
          steps("2024-11-04T09:47:21+04:00", "2024-11-04T09:47:34+04:00", 24)
              .setUserId(RESENDER)
              .setReceivedAt(sentAt)
              .build());
      INPUT.add(
          bpm("2024-11-04T09:50:00+04:00", 72).setUserId(RESENDER).setReceivedAt(sentAt).build());
    }
    // A day, then a point of it that arrives a week later.
    INPUT.add(
        steps("2024-11-05T08:00:00+04:00", "2024-11-05T08:10:00+04:00", 500)
            .setUserId(LATE_USER)
            .setReceivedAt(received)
            .build());
    Instant weekLater = Instant.parse("2024-11-12T05:00:00Z");
    INPUT.add(
        steps("2024-11-05T09:00:00+04:00", "2024-11-05T09:10:00+04:00", 300)
            .setUserId(LATE_USER)
            .setReceivedAt(weekLater)
            .build());
    // A day, then a point that ended 9 days before it was received.
    INPUT.add(
        steps("2024-11-03T10:00:00+04:00", "2024-11-03T10:01:00+04:00", 40)
            .setUserId(TOO_LATE_USER)
            .setReceivedAt(Instant.parse("2024-11-03T07:00:00Z"))
            .build());
    tooLate =
        steps("2024-11-03T08:00:00+04:00", "2024-11-03T08:01:00+04:00", 70)
            .setUserId(TOO_LATE_USER)
            .setReceivedAt(weekLater)
            .build();
    broken =
        steps("2024-11-04T13:00:00+04:00", "2024-11-04T12:00:00+04:00", 50)
            .setUserId(BROKEN_USER)
            .setReceivedAt(weekLater)
            .build();
    INPUT.add(tooLate);
    INPUT.add(broken);
    INPUT.sort(Comparator.comparing(Sample::getReceivedAt)); // stable: batches keep their order

    CollectingSink<UserDay> days = new CollectingSink<>();
    CollectingSink<PublishedUserDay> exports = new CollectingSink<>();
    CollectingSink<Sample> samples = new CollectingSink<>();
    CollectingSink<DeadLetter> rejected = new CollectingSink<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.configure(noGenericTypes());
    new UserDayJob(
            // Built but not used: this test starts after decoding.
            KafkaSources.raw("localhost:9", "unused", "unused"),
            SchemaRegistryConfig.of("http://localhost:9"),
            new UserDayJob.Sinks(days, exports, samples, rejected),
            UserDayJob.Settings.DEFAULT)
        .addAfterDecoding(env.fromData(INPUT, TypeInformation.of(Sample.class)));
    env.execute(UserDayJob.NAME);

    latest = new HashMap<>();
    for (PublishedUserDay day : exports.getRemainingOutput()) {
      latest.merge(
          key(day.day().getUserId(), day.day().getLocalDate().toString()),
          day,
          (a, b) -> a.version() > b.version() ? a : b);
    }
    rows = days.getRemainingOutput();
    exported = samples.getRemainingOutput();
    deadLetters = rejected.getRemainingOutput();
  }

  @Test
  void dayTotalsAcrossDstChangesInBerlinAndNewYorkMatchJavaTimeGrouping() {
    for (long user : List.of(BERLIN_USER, NEW_YORK_USER)) {
      EXPECTED_STEPS
          .get(user)
          .forEach(
              (date, steps) -> {
                UserDay day = latest(user, date.toString());
                assertThat(day.getStepsTotal())
                    .as("steps of %s on %s", user, date)
                    .isEqualTo(steps);
                int points = EXPECTED_POINTS.get(user).get(date);
                assertThat(day.getSampleCount())
                    .as("points of %s on %s", user, date)
                    .isEqualTo(points);
                assertThat(day.getMinutesWithData()).isEqualTo(points);
                assertThat(day.getSources()).hasSize(1);
              });
    }
    // The DST days have 23 and 25 hours: 23 * 60 / 7 and 25 * 60 / 7 points, give or take one.
    assertThat(EXPECTED_POINTS.get(BERLIN_USER).get(LocalDate.parse("2024-03-31")))
        .isBetween(197, 198);
    assertThat(EXPECTED_POINTS.get(NEW_YORK_USER).get(LocalDate.parse("2024-11-03")))
        .isBetween(214, 215);
  }

  @Test
  void theHourSkippedBySpringDstStaysEmptyInTheMinuteCurve() {
    // Berlin 2024-03-31: 02:00-02:59 does not exist; points continue at 03:00 local.
    List<Double> curve = latest(BERLIN_USER, "2024-03-31").getStepsPerMinute();
    assertThat(curve.subList(120, 180)).containsOnlyNulls();
    assertThat(curve.subList(180, 240)).filteredOn(Objects::nonNull).isNotEmpty();
  }

  @Test
  void aSampleCrossingMidnightIsSplitInProportionToTheOverlap() {
    assertThat(latest(NIGHT_OWL, "2024-11-04").getStepsTotal()).isEqualTo(37.5);
    assertThat(latest(NIGHT_OWL, "2024-11-05").getStepsTotal()).isEqualTo(62.5);
  }

  @Test
  void aBatchSentThreeTimesIsCountedOnce() {
    UserDay day = latest(RESENDER, "2024-11-04");
    assertThat(day.getStepsTotal()).isEqualTo(38.0);
    assertThat(day.getSampleCount()).isEqualTo(3);
    assertThat(day.getBpmMean()).isEqualTo(72.0);
    assertThat(day.getUpdatedAt()).isEqualTo(Instant.parse("2024-11-05T06:00:00Z"));
    assertThat(exported.stream().filter(s -> s.getUserId() == RESENDER)).hasSize(3);
  }

  @Test
  void aPointSevenDaysLateUpdatesItsDay() {
    UserDay day = latest(LATE_USER, "2024-11-05");
    assertThat(day.getStepsTotal()).isEqualTo(800.0);
    assertThat(day.getUpdatedAt()).isEqualTo(Instant.parse("2024-11-12T05:00:00Z"));
    assertThat(rows).contains(day); // the table got the same row
  }

  @Test
  void aPointNineDaysLateGoesToDeadLettersAndIsNotCounted() throws Exception {
    assertThat(latest(TOO_LATE_USER, "2024-11-03").getStepsTotal()).isEqualTo(40.0);
    DeadLetter letter = deadLetter(TOO_LATE_USER);
    assertThat(letter.getJob()).isEqualTo("user-day");
    assertThat(letter.getTopic()).isEqualTo("samples");
    assertThat(letter.getOffset()).isEqualTo(-1);
    assertThat(letter.getReason())
        .isEqualTo(
            "too late: end_time 2024-11-03T04:01:00Z is 9 days 59 min before received_at"
                + " 2024-11-12T05:00:00Z, more than the 8 days accepted");
    assertThat(readSample(letter)).isEqualTo(tooLate);
    assertThat(exported).doesNotContain(tooLate);
  }

  @Test
  void anInvalidSampleGoesToDeadLetters() throws Exception {
    DeadLetter letter = deadLetter(BROKEN_USER);
    assertThat(letter.getReason()).isEqualTo("invalid sample, end_time is before start_time");
    assertThat(readSample(letter)).isEqualTo(broken);
    assertThat(deadLetters).hasSize(2);
    assertThat(latest.keySet()).noneMatch(key -> key.startsWith(BROKEN_USER + "/"));
  }

  /**
   * One-minute step points every 7 minutes over the three local days around {@code dstDay}, each
   * stamped with the zone's offset at its start as the edge does, all received an hour after the
   * last one; the expected totals group them by {@link ZonedDateTime#toLocalDate()}.
   */
  private static void epochOnlyPoints(long user, ZoneId zone, LocalDate dstDay) {
    Instant from = dstDay.minusDays(1).atStartOfDay(zone).toInstant();
    Instant to = dstDay.plusDays(2).atStartOfDay(zone).toInstant();
    Instant received = to.plus(Duration.ofHours(1));
    int k = 0;
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(7)), k++) {
      double value = 1 + k % 50;
      INPUT.add(
          Sample.newBuilder()
              .setUserId(user)
              .setSource("activity-timeseries-0.1")
              .setDeviceName("recorder")
              .setDeviceId("SN-" + user)
              .setDeviceVersion(null)
              .setDataType("steps")
              .setStartTime(t)
              .setEndTime(t.plusSeconds(60))
              .setZoneOffsetSeconds(zone.getRules().getOffset(t).getTotalSeconds())
              .setZoneId(zone.getId())
              .setDayStartHour(0)
              .setUnit("count")
              .setValue(value)
              .setReceivedAt(received)
              .build());
      LocalDate date = t.atZone(zone).toLocalDate();
      EXPECTED_STEPS.computeIfAbsent(user, u -> new TreeMap<>()).merge(date, value, Double::sum);
      EXPECTED_POINTS.computeIfAbsent(user, u -> new TreeMap<>()).merge(date, 1, Integer::sum);
    }
  }

  private static UserDay latest(long user, String date) {
    PublishedUserDay day = latest.get(key(user, date));
    assertThat(day).as("published day %s of user %s", date, user).isNotNull();
    return day.day();
  }

  private static String key(long user, String date) {
    return user + "/" + date;
  }

  private static DeadLetter deadLetter(long user) {
    List<DeadLetter> letters =
        deadLetters.stream()
            .filter(
                letter ->
                    String.valueOf(user)
                        .equals(
                            StandardCharsets.UTF_8.decode(letter.getKey().duplicate()).toString()))
            .toList();
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  private static Sample readSample(DeadLetter letter) throws Exception {
    String json = StandardCharsets.UTF_8.decode(letter.getValue().duplicate()).toString();
    return new SpecificDatumReader<>(Sample.class)
        .read(null, DecoderFactory.get().jsonDecoder(Sample.getClassSchema(), json));
  }

  private static Configuration noGenericTypes() {
    // Every record and state type must have a Flink or Avro serializer, never Kryo.
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    return config;
  }
}
