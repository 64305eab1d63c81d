package io.wearflow.infra.e2e.activities;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.ParquetExports;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.generate.Athlete;
import io.wearflow.infra.generate.CsvActivityWriter;
import io.wearflow.infra.generate.FitActivityWriter;
import io.wearflow.infra.generate.GeneratedActivity;
import io.wearflow.infra.generate.PlannedSession;
import io.wearflow.infra.generate.SessionKind;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded activities end to end on one local stack: a FIT ride and a CSV run are uploaded through
 * the edge, go through Kafka to the activity job, and come back through every read endpoint with
 * values worked out by hand below; the same file uploaded again is the same activity; the original
 * is downloadable byte for byte; longitudinal answers are Parquet that DuckDB reads.
 *
 * <p>The ride (FIT, 600 s at 1 Hz from 08:00 Berlin summer time): 200 W, except 400 W for the 60 s
 * from second 100 and one impossible 30,000 W reading at second 300, which the spike guard removes
 * (that second is a gap, counted as 0 W in curves and skipped in means). So the best 1 s and 60 s
 * are 400 W, the best 120 s is (60 × 400 + 60 × 200) / 120 = 300 W, the whole ride averages (539 ×
 * 200 + 60 × 400) / 600 = 219.67 W over 600 s, the mean over the 599 recorded seconds is 220.03 W;
 * 60 s are at or above 300 W and 599 s at or above 200 W. 10 m/s throughout: 5,990 m from the first
 * to the last record. Laps: seconds 0-299 and 300-599.
 *
 * <p>The run (CSV, 300 s from 07:00 Berlin the next day): 3 m/s, except 4 m/s for the 60 s from
 * second 120: the best 60 s is 4 m/s, the best 300 s (3 × 240 + 4 × 60) / 300 = 3.2 m/s.
 */
class RecordedActivitiesEndToEndITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZonedDateTime RIDE_START = ZonedDateTime.of(2026, 6, 1, 8, 0, 0, 0, BERLIN);
  private static final ZonedDateTime RUN_START = ZonedDateTime.of(2026, 6, 2, 7, 0, 0, 0, BERLIN);

  @TempDir static Path dataDir;

  private static LocalStack stack;
  private static WearflowApi api;
  private static String token;
  private static String baseUrl;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static byte[] rideFit;
  private static byte[] runCsv;
  private static String rideId;
  private static String runId;

  @BeforeAll
  static void uploadTwoActivities() throws Exception {
    stack = LocalStack.start(TestStacks.config(dataDir));
    api = TestStacks.api(stack);
    baseUrl = stack.endpoints().httpUrl().orElseThrow();
    token = api.newAthlete("rider").token();
    rideFit = FitActivityWriter.write(ride());
    runCsv = CsvActivityWriter.write(run());

    HttpResponse<String> fit = upload(List.of(new Part("ride.fit", rideFit)), null);
    assertThat(fit.statusCode()).as(fit.body()).isEqualTo(202);
    JsonNode rideAnswer = JSON.readTree(fit.body()).get(0);
    rideId = rideAnswer.get("id").asText();
    assertThat(rideAnswer.get("records").asInt()).isEqualTo(600);
    assertThat(rideAnswer.get("duplicate").asBoolean()).isFalse();

    HttpResponse<String> csv = upload(List.of(new Part("run.csv", runCsv)), "running");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(202);
    runId = JSON.readTree(csv.body()).get(0).get("id").asText();

    assertWithin(
        Duration.ofSeconds(90),
        () -> assertThat(get("/api/v1/activities/").statusCode()).isEqualTo(200));
    assertWithin(
        Duration.ofSeconds(90),
        () -> assertThat(JSON.readTree(get("/api/v1/activities/").body())).hasSize(2));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theListShowsBothActivitiesNewestFirstWithTheirLocalTimes() throws Exception {
    HttpResponse<String> list = get("/api/v1/activities/");
    JsonNode activities = JSON.readTree(list.body());
    assertThat(activities.get(0).get("id").asText()).isEqualTo(runId);
    assertThat(activities.get(1).get("id").asText()).isEqualTo(rideId);
    JsonNode ride = activities.get(1);
    assertThat(ride.get("sport").asText()).isEqualTo("cycling");
    assertThat(ride.get("start").asText()).isEqualTo("2026-06-01T06:00:00Z");
    assertThat(ride.get("start_local").asText()).isEqualTo("2026-06-01T08:00:00+02:00");
    assertThat(ride.get("duration").asText()).isEqualTo("PT9M59S");
    assertThat(list.headers().firstValue("X-Total-Count")).contains("2");

    JsonNode onlyRuns = JSON.readTree(get("/api/v1/activities/?sport=running").body());
    assertThat(onlyRuns).hasSize(1);
    assertThat(onlyRuns.get(0).get("id").asText()).isEqualTo(runId);
  }

  @Test
  void theRideIsSummarisedWithTheSpikeRemovedAndFlagged() throws Exception {
    JsonNode ride = JSON.readTree(get("/api/v1/activities/" + rideId).body());
    JsonNode power = ride.get("summary").get("power");
    assertThat(power.get("max").asDouble()).isEqualTo(400.0);
    assertThat(power.get("mean").asDouble()).isCloseTo(220.0, within(1e-9));
    assertThat(ride.get("summary").get("distance").get("sum").asDouble())
        .isCloseTo(5_990.0, within(0.05));
    assertThat(ride.get("laps")).hasSize(2);
    assertThat(ride.get("laps").get(1).get("start").asText()).isEqualTo("2026-06-01T06:05:00Z");
    assertThat(ride.get("metrics").get(0).asText()).isEqualTo("duration");
    assertThat(ride.get("quality").get("power").get("removed").asInt()).isEqualTo(1);
  }

  @Test
  void meanMaxAndAccumulatedWorkDurationAreExact() throws Exception {
    JsonNode curve =
        JSON.readTree(
            get("/api/v1/activities/" + rideId + "/mean-max?durations=1,60,120,600").body());
    assertThat(curve.get("metric").asText()).isEqualTo("power");
    Map<Integer, Double> best = new LinkedHashMap<>();
    curve
        .get("mean_max")
        .forEach(p -> best.put(p.get("duration").asInt(), p.get("value").asDouble()));
    assertThat(best.get(1)).isEqualTo(400.0);
    assertThat(best.get(60)).isEqualTo(400.0);
    assertThat(best.get(120)).isCloseTo(300.0, within(1e-9));
    assertThat(best.get(600)).isCloseTo(220.0, within(1e-9));

    JsonNode runCurve =
        JSON.readTree(get("/api/v1/activities/" + runId + "/mean-max?durations=60,300").body());
    assertThat(runCurve.get("metric").asText()).isEqualTo("speed");
    assertThat(runCurve.get("mean_max").get(0).get("value").asDouble())
        .isCloseTo(4.0, within(1e-9));
    assertThat(runCurve.get("mean_max").get(1).get("value").asDouble())
        .isCloseTo(3.2, within(1e-9));

    JsonNode awd =
        JSON.readTree(get("/api/v1/activities/" + rideId + "/accumulated-work-duration").body());
    Map<Double, Double> seconds = new LinkedHashMap<>();
    awd.get("awd")
        .forEach(l -> seconds.put(l.get("level").asDouble(), l.get("seconds").asDouble()));
    assertThat(seconds.get(200.0)).isEqualTo(600.0);
    assertThat(seconds.get(300.0)).isEqualTo(60.0);
    assertThat(seconds.get(400.0)).isEqualTo(60.0);
    assertThat(seconds.getOrDefault(401.0, 0.0)).isEqualTo(0.0);
  }

  @Test
  void theDataEndpointAnswersOneValuePerSecondWithoutTheSpike() throws Exception {
    JsonNode data =
        JSON.readTree(get("/api/v1/activities/" + rideId + "/data?metrics=power").body());
    assertThat(data.get("duration")).hasSize(600);
    assertThat(data.get("power").get(99).asDouble()).isEqualTo(200.0);
    assertThat(data.get("power").get(100).asDouble()).isEqualTo(400.0);
    assertThat(data.get("power").get(300).asDouble()).isEqualTo(200.0);
    assertThat(data.get("power").get(160).asDouble()).isEqualTo(200.0);
  }

  @Test
  void longitudinalMeanMaxIsParquetThatDuckDbReads() throws Exception {
    HttpResponse<byte[]> answer =
        getBytes(
            "/api/v1/activities/longitudinal-mean-max?metric=power&durations=1,60,120"
                + "&start=2026-05-01&end=2026-06-30");
    assertThat(answer.statusCode()).isEqualTo(200);
    Path file = dataDir.resolve("longitudinal-" + UUID.randomUUID() + ".parquet");
    Files.write(file, answer.body());
    List<Map<String, Object>> rows =
        duckDb("SELECT * FROM read_parquet('" + file + "') ORDER BY 1");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsEntry("duration_s", 1).containsEntry("value", 400.0);
    assertThat(rows.get(1)).containsEntry("duration_s", 60).containsEntry("activity_id", rideId);
    assertThat((Double) rows.get(2).get("value")).isCloseTo(300.0, within(1e-9));
  }

  @Test
  void theSameFileUploadedAgainIsTheSameActivityAndTheOriginalIsKept() throws Exception {
    HttpResponse<String> again = upload(List.of(new Part("ride-copy.fit", rideFit)), null);
    assertThat(again.statusCode()).isEqualTo(202);
    JsonNode answer = JSON.readTree(again.body()).get(0);
    assertThat(answer.get("id").asText()).isEqualTo(rideId);
    assertThat(answer.get("duplicate").asBoolean()).isTrue();

    HttpResponse<byte[]> download = getBytes("/api/v1/activities/" + runId + "/download");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(runCsv);

    // Another athlete sees none of it.
    String other = api.newAthlete("other").token();
    assertThat(get("/api/v1/activities/" + rideId, other).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("/api/v1/activities/", other).body())).isEmpty();
  }

  @Test
  void backfillStatusReportsEverythingLoaded() throws Exception {
    HttpResponse<String> status = get("/api/v1/activities/backfill-status");
    assertThat(status.statusCode()).isEqualTo(200);
    String[] lines = status.body().strip().split("\n");
    JsonNode last = JSON.readTree(lines[lines.length - 1]);
    assertThat(last.get("backfill_loaded_until").asText()).isEqualTo("2026-06-01T06:00:00Z");
    assertThat(last.get("activities_loaded").asInt()).isEqualTo(2);
  }

  @Test
  void theActivityRecordsAreExportedAsParquetOncePerRecord() throws Exception {
    Path exports = dataDir.resolve("exports").resolve("activity_records");
    assertWithin(
        Duration.ofSeconds(60),
        () -> {
          List<Path> files = ParquetExports.committedFiles(exports);
          assertThat(files).isNotEmpty();
          List<Map<String, Object>> counts =
              duckDb(
                  "SELECT activity_id, count(*) AS n, count(DISTINCT \"timestamp\") AS d"
                      + " FROM read_parquet('"
                      + exports
                      + "/**/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY n");
          assertThat(counts).hasSize(2);
          assertThat(counts.get(0)).containsEntry("n", 300L).containsEntry("d", 300L);
          assertThat(counts.get(1)).containsEntry("n", 600L).containsEntry("d", 600L);
        });
  }

  // --- the two activities, built second by second ---

  private static GeneratedActivity ride() {
    PlannedSession session =
        new PlannedSession(
            0, false, SessionKind.INTERVAL_RIDE, RIDE_START, 600, Athlete.startOfSeason(), 1);
    List<GeneratedActivity.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int power = i >= 100 && i < 160 ? 400 : 200;
      if (i == 300) {
        power = 30_000;
      }
      samples.add(
          new GeneratedActivity.Sample(
              RIDE_START.toInstant().plusSeconds(i),
              power,
              150,
              10.0,
              90,
              100.0,
              10.0 * i,
              20,
              i < 300 ? 1 : 2));
    }
    return new GeneratedActivity(session, samples, List.of());
  }

  private static GeneratedActivity run() {
    PlannedSession session =
        new PlannedSession(
            0, false, SessionKind.TEMPO_RUN, RUN_START, 300, Athlete.startOfSeason(), 2);
    List<GeneratedActivity.Sample> samples = new ArrayList<>();
    double distance = 0;
    for (int i = 0; i < 300; i++) {
      double speed = i >= 120 && i < 180 ? 4.0 : 3.0;
      samples.add(
          new GeneratedActivity.Sample(
              RUN_START.toInstant().plusSeconds(i), null, 160, speed, 85, 50.0, distance, 18, 1));
      distance += speed;
    }
    return new GeneratedActivity(session, samples, List.of());
  }

  // --- HTTP and DuckDB ---

  private record Part(String fileName, byte[] content) {}

  private static HttpResponse<String> upload(List<Part> files, String sport) throws Exception {
    String boundary = "wearflow-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + file.fileName()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (sport != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"sport\"\r\n\r\n"
                  + sport
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/activities/upload"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(path, token);
  }

  private static HttpResponse<String> get(String path, String bearer) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + bearer)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<Map<String, Object>> duckDb(String sql) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet r = statement.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.put(meta.getColumnLabel(c), r.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
