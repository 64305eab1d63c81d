package io.wearflow.infra.e2e;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static io.wearflow.infra.e2e.WearflowApi.day;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.samples.SampleRecordMapper;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.schemas.samples.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * The samples path end to end on one in-process local stack (Kafka broker, Apicurio registry,
 * PostgreSQL, Flink MiniCluster running the user-day job, HTTP edge): what a client posts over HTTP
 * comes back, computed per local day, from the actigraphy endpoint and from the Parquet exports;
 * resends count once, corrections replace, bad requests are refused and never reach Kafka. Each
 * test registers its own athlete, so the tests share the stack but not their data.
 *
 * <p>Results appear asynchronously, so the tests poll ({@link Eventually}). To show that something
 * did <em>not</em> change (a resend), a test sends a new batch after it and waits for that one: one
 * user's samples are keyed to one Kafka partition and processed in the order they were accepted.
 */
class SamplesEndToEndITCase {

  /** A recent day for the requests that check validation, valid in every other way. */
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  @TempDir static Path dataDir;

  private static LocalStack stack;
  private static WearflowApi api;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(TestStacks.config(dataDir));
    api = TestStacks.api(stack);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void postedSamplesAreAggregatedPerLocalDayInActigraphy() throws Exception {
    Athlete athlete = api.newAthlete("actigraphy");
    // Recent days: samples more than 8 days old are too late to count (README).
    LocalDate day1 = LocalDate.now(ZoneOffset.UTC).minusDays(4);
    LocalDate day2 = day1.plusDays(1);
    SampleBatch steps =
        SampleBatch.steps("+04:00")
            .add("iPhone", day1 + "T08:04:51", day1 + "T08:04:58", 14)
            .add("iPhone", day1 + "T09:47:21", day1 + "T09:47:34", 24)
            // crosses local midnight: 30 of its 60 minutes in each day, so 60 + 60 steps
            .add("iPhone", day1 + "T23:30:00", day2 + "T00:30:00", 120)
            // day2 03:00 UTC (07:00 at +04:00), but recorded at -05:00: its local day is day1
            .add("iPhone", day1 + "T22:00:00-05:00", day1 + "T22:05:00-05:00", 10)
            .add("Apple Watch", day2 + "T10:00:00", day2 + "T10:10:00", 500);
    SampleBatch heartRate =
        SampleBatch.bpm("+04:00")
            // 600 s at 60 bpm
            .add("Apple Watch", day1 + "T10:00:00", day1 + "T10:10:00", 60)
            // 120 s at 150 bpm
            .add("Apple Watch", day1 + "T10:10:00", day1 + "T10:12:00", 150)
            // instantaneous (no end_date): weighs 1 s
            .addInstant("Apple Watch", day1 + "T10:12:00", 90)
            // 30 s at 2 beats per second = 120 bpm
            .add("Apple Watch", day1 + "T10:20:00", day1 + "T10:20:30", 2, "count/s")
            // crosses local midnight: 60 s at 100 bpm in each day
            .add("Apple Watch", day1 + "T23:59:00", day2 + "T00:01:00", 100);

    api.postAccepted(athlete.token(), steps);
    Instant beforeLastPost = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    api.postAccepted(athlete.token(), heartRate);
    Instant afterLastPost = Instant.now();

    // Wait until every sample is in (9 and 3 distinct samples), then check every figure.
    LocalDate from = day1.minusDays(1);
    LocalDate to = day2.plusDays(1);
    assertThatEventually(
        () ->
            assertThat(api.actigraphy(athlete.token(), from, to).get("days"))
                .extracting(d -> d.get("date").asText() + " " + d.get("sample_count").asInt())
                .containsExactly(day1 + " 9", day2 + " 3"));
    JsonNode actigraphy = api.actigraphy(athlete.token(), from, to);
    assertThat(actigraphy.get("start_date").asText()).isEqualTo(from.toString());
    assertThat(actigraphy.get("end_date").asText()).isEqualTo(to.toString());

    JsonNode first = day(actigraphy, day1);
    // steps: 14 + 24 + 60 (first half of the 120) + 10 (the -05:00 sample) = 108
    assertThat(first.get("steps").asDouble()).isEqualTo(108.0);
    // heart rates of the day: 60, 150, 90, 120 (2 count/s), 100 (first minute of the last one)
    assertThat(first.get("heart_rate").get("min").asDouble()).isEqualTo(60.0);
    assertThat(first.get("heart_rate").get("max").asDouble()).isEqualTo(150.0);
    // time-weighted: (60*600 + 150*120 + 90*1 + 120*30 + 100*60) / (600 + 120 + 1 + 30 + 60)
    //              = (36000 + 18000 + 90 + 3600 + 6000) / 811 = 63690 / 811 = 78.53...
    // where the plain mean would be (60 + 150 + 90 + 120 + 100) / 5 = 104
    assertThat(first.get("heart_rate").get("mean").asDouble())
        .isCloseTo(63690.0 / 811, within(1e-6))
        .isNotCloseTo(104.0, within(1.0));
    // 4 steps samples + 5 heart-rate samples overlap the day
    assertThat(first.get("sample_count").asInt()).isEqualTo(9);
    assertThat(first.get("devices"))
        .extracting(JsonNode::asText)
        .containsExactly("Apple Watch", "iPhone");
    // the newest sample of the day came with the heart-rate batch
    assertThat(Instant.parse(first.get("updated_at").asText()))
        .isBetween(beforeLastPost, afterLastPost);

    JsonNode second = day(actigraphy, day2);
    // steps: 60 (second half of the 120) + 500 = 560
    assertThat(second.get("steps").asDouble()).isEqualTo(560.0);
    // the only heart rate of the day: the second minute of the 100 bpm sample
    assertThat(second.get("heart_rate").get("min").asDouble()).isEqualTo(100.0);
    assertThat(second.get("heart_rate").get("max").asDouble()).isEqualTo(100.0);
    assertThat(second.get("heart_rate").get("mean").asDouble()).isCloseTo(100.0, within(1e-6));
    // the two samples crossing midnight and the 500 steps
    assertThat(second.get("sample_count").asInt()).isEqualTo(3);
    assertThat(second.get("devices"))
        .extracting(JsonNode::asText)
        .containsExactly("Apple Watch", "iPhone");
    assertThat(Instant.parse(second.get("updated_at").asText()))
        .isBetween(beforeLastPost, afterLastPost);
  }

  @Test
  void resentBatchIsCountedOnceAndACorrectedValueReplacesTheOldOne() throws Exception {
    Athlete athlete = api.newAthlete("resend");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    SampleBatch steps =
        SampleBatch.steps("-03:00")
            .add("Pixel Watch", day + "T07:00:00", day + "T07:15:00", 100)
            .add("Pixel Watch", day + "T07:15:00", day + "T07:30:00", 200)
            .add("Pixel Watch", day + "T07:30:00", day + "T07:45:00", 300);
    SampleBatch heartRate =
        SampleBatch.bpm("-03:00")
            .add("Pixel Watch", day + "T07:00:00", day + "T07:10:00", 80)
            .add("Pixel Watch", day + "T07:10:00", day + "T07:15:00", 150)
            .add("Pixel Watch", day + "T07:15:00", day + "T07:30:00", 95);

    api.postAccepted(athlete.token(), steps);
    api.postAccepted(athlete.token(), heartRate);
    assertThatEventually(() -> assertThat(sampleCount(athlete, day)).isEqualTo(6));
    // steps 100 + 200 + 300 = 600
    // bpm min 80, max 150, mean (80*600 + 150*300 + 95*900) / 1800 = 178500 / 1800 = 99.17
    assertDay(athlete, day, 600.0, 80.0, 150.0, 178500.0 / 1800, 6);

    for (int i = 0; i < 2; i++) {
      api.postAccepted(athlete.token(), steps);
      api.postAccepted(athlete.token(), heartRate);
    }
    // A resend changes nothing visible; a new batch of the same day, sent after the resends,
    // shows when the job got past them.
    SampleBatch marker =
        SampleBatch.steps("-03:00")
            .add("Pixel Watch", day + "T20:00:00", day + "T20:01:00", 1)
            .add("Pixel Watch", day + "T20:01:00", day + "T20:02:00", 1)
            .add("Pixel Watch", day + "T20:02:00", day + "T20:03:00", 1);
    api.postAccepted(athlete.token(), marker);
    assertThatEventually(() -> assertThat(sampleCount(athlete, day)).isEqualTo(6 + 3));
    // the same figures as after the first post, plus the marker's 3 steps and 3 samples
    assertDay(athlete, day, 600.0 + 3, 80.0, 150.0, 178500.0 / 1800, 6 + 3);

    // Corrections: 200 -> 250 steps (up); 150 -> 110 bpm (down, taking away the day's maximum).
    api.postAccepted(athlete.token(), steps.with(1, s -> s.withValue(250)));
    api.postAccepted(athlete.token(), heartRate.with(1, s -> s.withValue(110)));
    // steps 100 + 250 + 300 + 3 = 653
    // bpm min 80, max 110 (was 150), mean (80*600 + 110*300 + 95*900) / 1800
    //   = (48000 + 33000 + 85500) / 1800 = 92.5
    // sample_count unchanged: 9
    assertThatEventually(() -> assertDay(athlete, day, 653.0, 80.0, 110.0, 92.5, 9));
  }

  @Test
  void parquetExportHoldsExactlyTheDeduplicatedSamples() throws Exception {
    Athlete athlete = api.newAthlete("parquet");
    LocalDate day1 = LocalDate.now(ZoneOffset.UTC).minusDays(4);
    LocalDate day2 = day1.plusDays(1);
    LocalDate day3 = day1.plusDays(2);
    SampleBatch steps =
        SampleBatch.steps("+09:00")
            // starts at 21:00 UTC the day before, but in its own offset on day1
            .add("Venu 3", day1 + "T06:00:00", day1 + "T06:30:00", 800)
            // crosses local midnight: still one row, in the partition of its start
            .add("Venu 3", day1 + "T23:45:00", day2 + "T00:15:00", 300)
            .add("Venu 3", day2 + "T08:00:00", day2 + "T08:10:00", 1000);
    SampleBatch heartRate =
        SampleBatch.bpm("+09:00")
            .add("Venu 3", day1 + "T06:00:00", day1 + "T06:01:00", 95)
            .addInstant("Venu 3", day1 + "T06:05:00", 101.5)
            .add("Venu 3", day1 + "T06:10:00", day1 + "T06:11:00", 88);
    // Sent once, after the others: once its rows are committed, any of theirs would be too.
    SampleBatch marker =
        SampleBatch.steps("+09:00")
            .add("Venu 3", day3 + "T12:00:00", day3 + "T12:01:00", 1)
            .add("Venu 3", day3 + "T12:01:00", day3 + "T12:02:00", 2)
            .add("Venu 3", day3 + "T12:02:00", day3 + "T12:03:00", 3);
    for (int i = 0; i < 3; i++) {
      api.postAccepted(athlete.token(), steps);
      api.postAccepted(athlete.token(), heartRate);
    }
    api.postAccepted(athlete.token(), marker);

    assertThatEventually(
        () ->
            assertThat(exported(athlete))
                .extracting(ParquetExports.Row::identityAndValue)
                .containsAll(marker.expectedRows()));
    // Files of other subtasks covered by the same checkpoint are committed a moment later.
    TestStacks.awaitNextCheckpoint(stack);
    List<ExportedRow> posted = rowsOf(steps, heartRate, marker);
    List<ParquetExports.Row> rows = exported(athlete);
    assertThat(rows)
        .extracting(ParquetExports.Row::identityAndValue)
        .containsExactlyInAnyOrderElementsOf(posted);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.source()).isEqualTo(SampleRecordMapper.SOURCE);
              assertThat(row.deviceVersion()).isEqualTo("1.0");
              assertThat(row.zoneOffsetSeconds()).isEqualTo(9 * 3600);
              assertThat(row.unit())
                  .isEqualTo(row.dataType().equals("steps") ? "count" : "count/min");
            });
    // Hive partition = local date of the start in the sample's offset, not the UTC date:
    // the first steps and the heart rates start on day1 at +09:00 but the day before in UTC.
    assertThat(LocalDate.ofInstant(steps.samples().get(0).start().toInstant(), ZoneOffset.UTC))
        .isEqualTo(day1.minusDays(1));
    assertThat(rows)
        .extracting(ParquetExports.Row::partitionDate)
        .containsExactlyInAnyOrder(day1, day1, day2, day1, day1, day1, day3, day3, day3);

    // A correction adds a row with a later received_at (README, "Parquet exports"): the newest
    // row of each identity holds the current value.
    SampleBatch correctedHeartRate = heartRate.with(1, s -> s.withValue(99));
    api.postAccepted(athlete.token(), correctedHeartRate);
    assertThatEventually(() -> assertThat(exported(athlete)).hasSize(posted.size() + 1));
    TestStacks.awaitNextCheckpoint(stack);
    List<ParquetExports.Row> afterCorrection = exported(athlete);
    assertThat(afterCorrection).hasSize(posted.size() + 1);
    assertThat(latestPerIdentity(afterCorrection))
        .extracting(ParquetExports.Row::identityAndValue)
        .containsExactlyInAnyOrderElementsOf(rowsOf(steps, correctedHeartRate, marker));
    Instant firstReceived =
        afterCorrection.stream()
            .filter(r -> r.value() == 101.5)
            .map(ParquetExports.Row::receivedAt)
            .findFirst()
            .orElseThrow();
    assertThat(afterCorrection)
        .filteredOn(r -> r.value() == 99)
        .singleElement()
        .satisfies(r -> assertThat(r.receivedAt()).isAfter(firstReceived));
  }

  private static List<ExportedRow> rowsOf(SampleBatch... batches) {
    return Stream.of(batches).flatMap(b -> b.expectedRows().stream()).toList();
  }

  private static List<ParquetExports.Row> exported(Athlete athlete) throws Exception {
    return ParquetExports.samples(stack.endpoints().exportsDir(), athlete.id());
  }

  /** The row with the latest received_at of each (device, data type, start, end). */
  private static List<ParquetExports.Row> latestPerIdentity(List<ParquetExports.Row> rows) {
    Map<List<Object>, ParquetExports.Row> latest =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> List.of(r.deviceName(), r.dataType(), r.start(), r.end()),
                    Function.identity(),
                    (a, b) -> a.receivedAt().isAfter(b.receivedAt()) ? a : b));
    return List.copyOf(latest.values());
  }

  /** The sample_count of one day, 0 while the day is absent. */
  private static int sampleCount(Athlete athlete, LocalDate date) throws Exception {
    JsonNode day = day(api.actigraphy(athlete.token(), date, date), date);
    return day == null ? 0 : day.get("sample_count").asInt();
  }

  private static void assertDay(
      Athlete athlete,
      LocalDate date,
      double steps,
      double bpmMin,
      double bpmMax,
      double bpmMean,
      int sampleCount)
      throws Exception {
    JsonNode day = day(api.actigraphy(athlete.token(), date, date), date);
    assertThat(day).as("the day %s", date).isNotNull();
    assertThat(day.get("steps").asDouble()).as("steps").isEqualTo(steps);
    assertThat(day.get("heart_rate").get("min").asDouble()).as("bpm min").isEqualTo(bpmMin);
    assertThat(day.get("heart_rate").get("max").asDouble()).as("bpm max").isEqualTo(bpmMax);
    assertThat(day.get("heart_rate").get("mean").asDouble())
        .as("bpm mean")
        .isCloseTo(bpmMean, within(1e-6));
    assertThat(day.get("sample_count").asInt()).as("sample_count").isEqualTo(sampleCount);
  }

  /**
   * Every samples rule of the contract (samples-api.txt and the README's API section) refuses the
   * request with a problem+json naming the field; afterwards the samples topic holds nothing of
   * this athlete but the one valid batch it sent last.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class RejectedRequests {

    private Athlete athlete;

    @BeforeAll
    void registerAthlete() throws Exception {
      athlete = api.newAthlete("rejected");
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.wearflow.infra.e2e.SamplesEndToEndITCase#badRequests")
    void badRequestIsRefusedWithAProblemNamingTheField(BadRequest bad) throws Exception {
      String validToken = athlete.token();
      String authorization = bad.authorization().apply(validToken);
      HttpResponse<String> response =
          api.post(WearflowApi.SAMPLES, bad.contentType(), authorization, bad.body());

      assertThat(response.statusCode())
          .as("%s (Authorization %s, valid token %s)", response.body(), authorization, validToken)
          .isEqualTo(bad.status());
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = WearflowApi.parse(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
      assertThat(problem.get("type").asText()).startsWith("https://wearflow.io/problems/");
      if (bad.pointer() != null) {
        assertThat(problem.get("errors"))
            .extracting(e -> e.get("pointer").asText())
            .containsExactly(bad.pointer());
        assertThat(problem.get("errors").get(0).get("detail").asText()).isNotBlank();
      }
    }

    @Order(2)
    @Test
    void noRefusedSampleReachedKafka() throws Exception {
      SampleBatch sentinel =
          SampleBatch.steps("+01:00")
              .add("Fitbit", DAY + "T10:00:00", DAY + "T10:01:00", 11)
              .add("Fitbit", DAY + "T10:01:00", DAY + "T10:02:00", 12)
              .add("Fitbit", DAY + "T10:02:00", DAY + "T10:03:00", 13);
      api.postAccepted(athlete.token(), sentinel);

      // The edge's one producer writes the athlete's records to one partition (keyed by user id),
      // so a record of a refused request, even one sent late, would sit before the sentinel's.
      ConfluentAvroDeserializer<Sample> decoder =
          new ConfluentAvroDeserializer<>(
              new SchemaRegistryClient(stack.endpoints().registry()), Sample.class);
      List<ConsumerRecord<byte[], Sample>> records =
          KafkaProbe.readAll(
              stack.endpoints().kafkaBootstrapServers(),
              stack.config().http().api().kafka().samplesTopic(),
              decoder::deserialize);
      assertThat(records)
          .filteredOn(r -> r.value().getUserId() == athlete.id())
          .extracting(r -> r.value().getValue())
          .containsExactly(11.0, 12.0, 13.0);
      assertThat(records)
          .filteredOn(r -> new String(r.key(), UTF_8).equals(Long.toString(athlete.id())))
          .hasSize(3);
    }
  }

  /**
   * A request that breaks one rule.
   *
   * @param rule what the request breaks, the test's display name
   * @param status expected status
   * @param pointer the JSON pointer of the one field error expected, null for errors without one
   * @param contentType the request's Content-Type
   * @param authorization the Authorization header from a valid token (null: no header)
   * @param body the request body
   */
  record BadRequest(
      String rule,
      int status,
      String pointer,
      String contentType,
      Function<String, String> authorization,
      String body) {

    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<BadRequest> badRequests() {
    return Stream.of(
        invalid(
            "data_type must be steps or bpm", "/data_type", b -> b.put("data_type", "calories")),
        invalid("data_type is required", "/data_type", b -> b.remove("data_type")),
        invalid("data is required", "/data", b -> b.remove("data")),
        invalid("data needs at least 3 samples", "/data", b -> keepSamples(b, 2)),
        invalid("data holds at most 1000 samples", "/data", b -> repeatSamples(b, 1001)),
        invalid(
            "device_name is required",
            "/data/17/device_name",
            b -> sample17(b).remove("device_name")),
        invalid(
            "start_date is required", "/data/17/start_date", b -> sample17(b).remove("start_date")),
        invalid("unit is required", "/data/17/unit", b -> sample17(b).remove("unit")),
        invalid("value is required", "/data/17/value", b -> sample17(b).remove("value")),
        invalid(
            "start_date must be ISO-8601",
            "/data/17/start_date",
            b -> sample17(b).put("start_date", "01/11/2023 08:04:51")),
        invalid(
            "start_date must carry an offset",
            "/data/17/start_date",
            b -> sample17(b).put("start_date", DAY + "T08:17:00.000")),
        invalid(
            "end_date must carry an offset",
            "/data/17/end_date",
            b -> sample17(b).put("end_date", DAY + "T08:18:00.000")),
        invalid(
            "end_date must not be before start_date",
            "/data/17/end_date",
            b -> sample17(b).put("end_date", DAY + "T08:16:59.999+04:00")),
        invalid(
            "steps need unit count", "/data/17/unit", b -> sample17(b).put("unit", "count/min")),
        invalid(
            "bpm needs unit count/min or count/s",
            "/data/17/unit",
            b -> heartRate(b).put("unit", "count")),
        invalid("unit must be known", "/data/17/unit", b -> sample17(b).put("unit", "km")),
        invalid("value must be greater than 0", "/data/17/value", b -> sample17(b).put("value", 0)),
        invalid("value must not be negative", "/data/17/value", b -> sample17(b).put("value", -3)),
        invalid(
            "count must be at most 30000", "/data/17/value", b -> sample17(b).put("value", 30001)),
        invalid(
            "count/min must be at most 300",
            "/data/17/value",
            b -> heartRate(b).put("value", 300.5)),
        invalid(
            "count/s must be at most 5",
            "/data/17/value",
            b -> heartRate(b).put("unit", "count/s").put("value", 5.5)),
        invalid("value must be a number", "/data/17/value", b -> sample17(b).put("value", "12")),
        new BadRequest(
            "body must not exceed 2 MiB",
            413,
            null,
            "application/json",
            WearflowApi::bearer,
            validBody() + " ".repeat(2 * 1024 * 1024)),
        new BadRequest(
            "body must be JSON", 415, null, "text/plain", WearflowApi::bearer, validBody()),
        new BadRequest(
            "JSON must be well-formed",
            400,
            null,
            "application/json",
            WearflowApi::bearer,
            validBody().substring(0, 200)),
        new BadRequest(
            "token is required", 401, null, "application/json", token -> null, validBody()),
        new BadRequest(
            "token must be a JWT",
            401,
            null,
            "application/json",
            token -> "Bearer not-a-token",
            validBody()),
        new BadRequest(
            "token signature is checked",
            401,
            null,
            "application/json",
            token -> "Bearer " + tampered(token),
            validBody()),
        new BadRequest(
            "scheme must be Bearer",
            401,
            null,
            "application/json",
            token -> "Basic " + token,
            validBody()));
  }

  /** A 422 case: the valid body changed by {@code breakIt}, with one field error at pointer. */
  private static BadRequest invalid(String rule, String pointer, Consumer<ObjectNode> breakIt) {
    ObjectNode body = validBodyNode();
    breakIt.accept(body);
    return new BadRequest(
        rule, 422, pointer, "application/json", WearflowApi::bearer, body.toString());
  }

  /** 20 valid steps samples, one a minute from 08:00+04:00, so that errors point at /data/17. */
  private static ObjectNode validBodyNode() {
    SampleBatch batch = SampleBatch.steps("+04:00");
    for (int i = 0; i < 20; i++) {
      batch =
          batch.add(
              "iPhone",
              DAY + String.format("T08:%02d:00", i),
              DAY + String.format("T08:%02d:00", i + 1),
              10 + i);
    }
    try {
      return (ObjectNode) WearflowApi.parse(batch.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String validBody() {
    return validBodyNode().toString();
  }

  private static ObjectNode sample17(ObjectNode body) {
    return (ObjectNode) body.get("data").get(17);
  }

  /** Turns the batch into valid heart rate and returns sample 17. */
  private static ObjectNode heartRate(ObjectNode body) {
    body.put("data_type", "bpm");
    body.get("data").forEach(s -> ((ObjectNode) s).put("unit", "count/min").put("value", 70));
    return sample17(body);
  }

  private static void keepSamples(ObjectNode body, int count) {
    ArrayNode data = (ArrayNode) body.get("data");
    while (data.size() > count) {
      data.remove(data.size() - 1);
    }
  }

  /** Fills {@code data} with {@code count} distinct valid samples. */
  private static void repeatSamples(ObjectNode body, int count) {
    ArrayNode data = body.putArray("data");
    Instant start = DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < count; i++) {
      data.addObject()
          .put("device_name", "iPhone")
          .put("start_date", start.plusSeconds(60L * i).toString())
          .put("end_date", start.plusSeconds(60L * i + 60).toString())
          .put("value", 10)
          .put("unit", "count");
    }
  }

  /** The token with one character of its signature changed. */
  private static String tampered(String token) {
    int at = token.lastIndexOf('.') + 5;
    char replaced = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + replaced + token.substring(at + 1);
  }
}
