package io.wearflow.http.activities.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.RecordedActivityStore;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.activities.read.RecordedActivities.BackfillTiming;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.auth.TokenService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recorded-activities reads over real HTTP against a real PostgreSQL whose V8 tables are filled
 * the way the edge ({@code activity_files}) and the activity job (the rest) fill them. Parquet
 * answers are read back with parquet-avro's own reader.
 */
class RecordedActivitiesEndpointITCase {

  private static final Instant NOW = Instant.parse("2024-04-15T12:00:00Z");
  private static final byte[] KEY =
      "recorded activities test key, 32+ bytes".getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedPostgres postgres;
  private static Database database;
  private static AccountStore accounts;
  private static TokenService tokens;
  private static Javalin app;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    database =
        Database.connect(
            new PostgresConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""), 4);
    accounts = new AccountStore(database.dataSource());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    HttpConfig config = HttpConfig.defaults().withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    tokens = new TokenService(KEY, Duration.ofHours(1), clock);
    RecordedActivities reads =
        RecordedActivities.of(
            new RecordedActivityStore(database.dataSource()),
            new BackfillTiming(Duration.ofMillis(50), Duration.ofMillis(400)));
    app =
        HttpApp.create(
                HttpDependencies.of(database.dataSource(), samples -> {}, KEY, clock, config)
                    .withRecordedActivities(reads))
            .start(0);
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    database.close();
    postgres.close();
  }

  @Test
  void theDefaultLongitudinalGridIsTheDatabasesPrecomputedGrid() throws Exception {
    // Durations outside mean_max_grid (V9) would take the slow path of reading whole curves.
    List<Integer> grid = new ArrayList<>();
    try (var c = database.dataSource().getConnection();
        var r =
            c.createStatement().executeQuery("SELECT duration_s FROM mean_max_grid ORDER BY 1")) {
      while (r.next()) {
        grid.add(r.getInt(1));
      }
    }
    assertThat(grid).isEqualTo(DurationGrid.STANDARD);
  }

  @Test
  void listFiltersPagesAndRendersActivitySummaries() throws Exception {
    User ana = user();
    User bob = user();
    Instant t = Instant.parse("2024-05-01T06:30:00Z");
    String ride = activity(ana, "cycling", t, 7200, new String[] {"race", "outdoor"}, true);
    String run = activity(ana, "running", t.plusSeconds(86_400), 3600, new String[] {"race"}, true);
    String late = activity(ana, "cycling", t.plusSeconds(3 * 86_400), 600, new String[0], true);
    activity(ana, "cycling", t.plusSeconds(5 * 86_400), 600, new String[0], false);
    activity(bob, "cycling", t, 600, new String[] {"race"}, true);

    HttpResponse<String> all = get(ana, "/api/v1/activities/");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(ids(all)).containsExactly(late, run, ride);
    assertThat(all.headers().firstValue("X-Total-Count")).contains("3");
    assertThat(all.headers().firstValue("Link")).isEmpty();

    JsonNode first = JSON.readTree(get(ana, "/api/v1/activities?tags=outdoor").body()).get(0);
    assertThat(first.get("id").asText()).isEqualTo(ride);
    assertThat(fieldNames(first))
        .containsExactly(
            "tags",
            "id",
            "sport",
            "start",
            "end",
            "metrics",
            "source_id",
            "summary",
            "laps",
            "traces",
            "app_metadata",
            "duration",
            "start_local",
            "end_local");
    assertThat(first.get("start").asText()).isEqualTo("2024-05-01T06:30:00Z");
    assertThat(first.get("start_local").asText()).isEqualTo("2024-05-01T08:30:00+02:00");
    assertThat(first.get("end_local").asText()).isEqualTo("2024-05-01T10:30:00+02:00");
    assertThat(first.get("duration").asText()).isEqualTo("PT2H");
    assertThat(first.get("summary").get("power").get("max").asInt()).isEqualTo(300);
    assertThat(first.get("metrics").toString())
        .isEqualTo("[\"duration\",\"power\",\"heart_rate\"]");
    assertThat(first.get("traces").isNull()).isTrue();
    assertThat(first.get("app_metadata").get("note").asText()).isEqualTo("x");

    HttpResponse<String> page =
        get(ana, "/api/v1/activities/?limit=1&offset=1&sport=cycling,running");
    assertThat(ids(page)).containsExactly(run);
    assertThat(page.headers().firstValue("Link").orElseThrow())
        .contains("offset=2")
        .contains("limit=1")
        .endsWith("; rel=\"next\"");
    assertThat(ids(get(ana, "/api/v1/activities/?sport=cycling"))).containsExactly(late, ride);
    assertThat(ids(get(ana, "/api/v1/activities/?tags=race&tags=outdoor"))).containsExactly(ride);
    assertThat(ids(get(ana, "/api/v1/activities/?start=2024-05-02&end=2024-05-04")))
        .containsExactly(late, run);
    assertThat(ids(get(ana, "/api/v1/activities/?start=2024-05-01T06:30:01Z")))
        .containsExactly(late, run);

    HttpResponse<String> bad = get(ana, "/api/v1/activities/?limit=5000&sport=curling");
    assertThat(bad.statusCode()).isEqualTo(422);
    JsonNode detail = JSON.readTree(bad.body()).get("detail");
    assertThat(detail).hasSize(2);
    assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"query\",\"sport\"]");
    assertThat(detail.get(0).get("type").asText()).isEqualTo("enum");
    assertThat(detail.get(1).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
    assertThat(detail.get(1).get("msg").asText())
        .isEqualTo("Input should be less than or equal to 1000");
  }

  @Test
  void detailsLatestAndNotFound() throws Exception {
    User ana = user();
    User bob = user();
    Instant t = Instant.parse("2024-06-01T10:00:00Z");
    String ride = activity(ana, "cycling", t, 600, new String[0], true);
    String run = activity(ana, "running", t.plusSeconds(3600), 600, new String[0], true);
    String pending = activity(ana, "running", t.plusSeconds(7200), 600, new String[0], false);

    JsonNode details = JSON.readTree(get(ana, "/api/v1/activities/" + ride).body());
    assertThat(details.get("distance").asDouble()).isEqualTo(1234.5);
    assertThat(details.get("devices").toString()).isEqualTo("[\"Garmin Edge 530\"]");
    assertThat(details.get("source_id").asText()).isEqualTo("sha-" + ride);
    assertThat(JSON.readTree(get(ana, "/api/v1/activities/latest").body()).get("id").asText())
        .isEqualTo(run);
    assertThat(
            JSON.readTree(get(ana, "/api/v1/activities/latest?sport=cycling").body())
                .get("id")
                .asText())
        .isEqualTo(ride);
    assertThat(get(ana, "/api/v1/activities/latest?sport=walking").statusCode()).isEqualTo(404);
    assertThat(get(bob, "/api/v1/activities/" + ride).statusCode()).isEqualTo(404);
    assertThat(get(bob, "/api/v1/activities/" + ride + "/mean-max").statusCode()).isEqualTo(404);
    assertThat(get(ana, "/api/v1/activities/" + pending).statusCode()).isEqualTo(404);
    HttpResponse<String> unknown = get(ana, "/api/v1/activities/nope/data");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/activities/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void dataAnswersColumnsOnTheSecondGridWithNullGaps() throws Exception {
    User ana = user();
    Instant t = Instant.parse("2024-06-02T10:00:00Z");
    String ride = activity(ana, "cycling", t, 5, new String[0], true);
    series(ride, ana, "power", t.getEpochSecond(), new double[] {100, Double.NaN, 300, 200, 150});
    series(ride, ana, "heart_rate", t.getEpochSecond() + 1, new double[] {120, 121, 122, 123});

    JsonNode data = JSON.readTree(get(ana, "/api/v1/activities/" + ride + "/data").body());
    assertThat(fieldNames(data)).containsExactly("duration", "power", "heart_rate");
    assertThat(data.get("duration").toString()).isEqualTo("[0,1,2,3,4]");
    assertThat(data.get("power").toString()).isEqualTo("[100.0,null,300.0,200.0,150.0]");
    assertThat(data.get("heart_rate").toString()).isEqualTo("[null,120.0,121.0,122.0,123.0]");

    JsonNode some =
        JSON.readTree(
            get(ana, "/api/v1/activities/" + ride + "/data?metrics=heart_rate,cadence").body());
    assertThat(fieldNames(some)).containsExactly("duration", "heart_rate");
    HttpResponse<String> bad = get(ana, "/api/v1/activities/" + ride + "/data?metrics=watts");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).get("detail").get(0).get("loc").toString())
        .isEqualTo("[\"query\",\"metrics\"]");

    String long_ = activity(ana, "cycling", t.plusSeconds(86_400), 5000, new String[0], true);
    double[] values = new double[5000];
    Arrays.setAll(values, i -> 200 + (i % 97));
    series(long_, ana, "power", t.getEpochSecond() + 86_400, values);
    JsonNode sampled =
        JSON.readTree(
            get(ana, "/api/v1/activities/" + long_ + "/data?adaptive_sampling_on=true").body());
    assertThat(sampled.get("duration")).hasSize(1000);
    assertThat(sampled.get("power")).hasSize(1000);
    assertThat(sampled.get("duration").get(999).asInt()).isEqualTo(4999);
  }

  @Test
  void meanMaxAndAwdOfOneActivity() throws Exception {
    User ana = user();
    Instant t = Instant.parse("2024-06-03T10:00:00Z");
    String ride = activity(ana, "cycling", t, 4, new String[0], true);
    long s = t.getEpochSecond();
    meanMax(
        ride,
        ana,
        "power",
        "cycling",
        t,
        new double[] {400, 300, 250, Double.NaN},
        new long[] {s + 2, s + 1, s, s});
    awd(ride, ana, "power", "cycling", t, 1.0, new long[] {4, 4, 3});

    JsonNode curve = JSON.readTree(get(ana, "/api/v1/activities/" + ride + "/mean-max").body());
    assertThat(curve.get("metric").asText()).isEqualTo("power");
    assertThat(curve.get("unit").asText()).isEqualTo("W");
    assertThat(curve.get("mean_max").toString())
        .isEqualTo(
            "[{\"duration\":1,\"value\":400.0,\"start\":\"2024-06-03T10:00:02Z\"},"
                + "{\"duration\":2,\"value\":300.0,\"start\":\"2024-06-03T10:00:01Z\"},"
                + "{\"duration\":3,\"value\":250.0,\"start\":\"2024-06-03T10:00:00Z\"}]");
    JsonNode picked =
        JSON.readTree(get(ana, "/api/v1/activities/" + ride + "/mean-max?durations=2,60").body());
    assertThat(picked.get("mean_max")).hasSize(1);
    assertThat(picked.get("mean_max").get(0).get("duration").asInt()).isEqualTo(2);
    assertThat(get(ana, "/api/v1/activities/" + ride + "/mean-max?metric=speed").statusCode())
        .isEqualTo(404);
    assertThat(get(ana, "/api/v1/activities/" + ride + "/mean-max?metric=watts").statusCode())
        .isEqualTo(422);
    assertThat(get(ana, "/api/v1/activities/" + ride + "/mean-max?durations=0").statusCode())
        .isEqualTo(422);

    JsonNode awd =
        JSON.readTree(get(ana, "/api/v1/activities/" + ride + "/accumulated-work-duration").body());
    assertThat(awd.toString())
        .isEqualTo(
            "{\"metric\":\"power\",\"unit\":\"W\",\"level_step\":1.0,\"awd\":["
                + "{\"level\":0.0,\"seconds\":4},{\"level\":1.0,\"seconds\":4},"
                + "{\"level\":2.0,\"seconds\":3}]}");
  }

  @Test
  void longitudinalMeanMaxIsThePerDurationBestOfTheActivitiesInRange() throws Exception {
    User ana = user();
    User bob = user();
    Random random = new Random(7);
    record Curve(String id, Instant start, double[] best, long[] at, boolean counts) {}
    List<Curve> curves = new ArrayList<>();
    LocalDate from = LocalDate.parse("2024-03-01");
    LocalDate to = LocalDate.parse("2024-03-31");
    for (int i = 0; i < 14; i++) {
      LocalDate day = LocalDate.parse("2024-02-20").plusDays(random.nextInt(50));
      Instant start = day.atTime(7, random.nextInt(60)).toInstant(ZoneOffset.UTC);
      String sport = i % 4 == 1 ? "running" : "cycling";
      User owner = i % 5 == 2 ? bob : ana;
      int length = 10 + random.nextInt(200);
      double[] best = new double[length];
      long[] at = new long[length];
      double value = 400 + random.nextInt(800);
      for (int d = 0; d < length; d++) {
        value -= random.nextDouble() * 8;
        best[d] = Math.round(value * 1000) / 1000.0;
        at[d] = start.getEpochSecond() + random.nextInt(30);
      }
      String id = activity(owner, sport, start, length + 30, new String[0], true);
      meanMax(id, owner, "power", sport, start, best, at);
      boolean counts =
          owner == ana && sport.equals("cycling") && !day.isBefore(from) && !day.isAfter(to);
      curves.add(new Curve(id, start, best, at, counts));
    }

    HttpResponse<byte[]> answer =
        getBytes(
            ana,
            "/api/v1/activities/longitudinal-mean-max?sport=cycling&start=2024-03-01&end=2024-03-31");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/vnd.apache.parquet"));
    MessageType schema = parquetSchema(answer.body());
    assertThat(schema.getFields())
        .extracting(f -> f.getName() + " " + f.asPrimitiveType().getPrimitiveTypeName())
        .containsExactly(
            "duration_s INT32",
            "value DOUBLE",
            "activity_id BINARY",
            "activity_start INT64",
            "window_start INT64");
    assertThat(schema.getType("window_start").getLogicalTypeAnnotation().toString())
        .startsWith("TIMESTAMP(MILLIS");
    List<String> actual = new ArrayList<>();
    for (GenericRecord row : parquetRows(answer.body())) {
      actual.add(
          row.get("duration_s")
              + " "
              + row.get("value")
              + " "
              + row.get("activity_id")
              + " "
              + (Instant) row.get("activity_start")
              + " "
              + (Instant) row.get("window_start"));
    }
    List<String> expected = new ArrayList<>();
    for (int d : DurationGrid.STANDARD) {
      curves.stream()
          .filter(c -> c.counts() && c.best().length >= d)
          .max(
              Comparator.comparingDouble((Curve c) -> c.best()[d - 1])
                  .thenComparing(Curve::start, Comparator.reverseOrder()))
          .ifPresent(
              c ->
                  expected.add(
                      d
                          + " "
                          + c.best()[d - 1]
                          + " "
                          + c.id()
                          + " "
                          + c.start()
                          + " "
                          + Instant.ofEpochSecond(c.at()[d - 1])));
    }
    assertThat(expected).hasSizeGreaterThan(8);
    assertThat(actual).isEqualTo(expected);

    JsonNode json =
        JSON.readTree(
            get(
                    ana,
                    "/api/v1/activities/longitudinal-mean-max?format=json&durations=1"
                        + "&sport=cycling&date=2024-03-31&window_days=31")
                .body());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("duration_s").asInt() + " " + json.get(0).get("value").asDouble())
        .isEqualTo(expected.get(0).split(" ")[0] + " " + expected.get(0).split(" ")[1]);
    assertThat(json.get(0).get("window_start").asText()).isEqualTo(expected.get(0).split(" ")[4]);
    HttpResponse<String> bad =
        get(ana, "/api/v1/activities/longitudinal-mean-max?metric=distance&format=xml");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).get("detail")).hasSize(2);
  }

  @Test
  void longitudinalAwdIsMaxAndNearestRankPercentilesOfDailyAwd() throws Exception {
    User ana = user();
    Random random = new Random(3);
    Map<LocalDate, long[]> daily = new HashMap<>();
    for (int i = 0; i < 15; i++) {
      LocalDate day = LocalDate.parse("2024-04-01").plusDays(random.nextInt(10));
      Instant start = day.atTime(6 + random.nextInt(10), 0).toInstant(ZoneOffset.UTC);
      long[] seconds = new long[1 + random.nextInt(30)];
      long s = 600 + random.nextInt(3000);
      for (int k = 0; k < seconds.length; k++) {
        seconds[k] = s;
        s = Math.max(0, s - random.nextInt(150));
      }
      String id = activity(ana, "cycling", start, 4000, new String[0], true);
      awd(id, ana, "power", "cycling", start, 1.0, seconds);
      daily.merge(day, seconds, RecordedActivitiesEndpointITCase::sum);
    }

    HttpResponse<byte[]> answer =
        getBytes(
            ana,
            "/api/v1/activities/longitudinal-accumulated-work-duration?start=2024-03-20&end=2024-04-30");

    List<GenericRecord> rows = parquetRows(answer.body());
    int levels = daily.values().stream().mapToInt(a -> a.length).max().orElseThrow();
    assertThat(rows).hasSize(levels);
    int n = daily.size();
    for (int k = 0; k < levels; k++) {
      int level = k;
      long[] sorted =
          daily.values().stream()
              .mapToLong(a -> level < a.length ? a[level] : 0)
              .sorted()
              .toArray();
      GenericRecord row = rows.get(k);
      assertThat(row.get("level")).isEqualTo((double) k);
      assertThat(row.get("max")).isEqualTo(sorted[n - 1]);
      assertThat(row.get("hard")).isEqualTo(sorted[(int) Math.ceil(0.9 * n) - 1]);
      assertThat(row.get("medium")).isEqualTo(sorted[(int) Math.ceil(0.75 * n) - 1]);
      assertThat(row.get("easy")).isEqualTo(sorted[(int) Math.ceil(0.5 * n) - 1]);
    }
  }

  @Test
  void longitudinalDataHasOneRowPerSecondOfEachActivity() throws Exception {
    User ana = user();
    Instant t = Instant.parse("2024-04-10T08:00:00Z");
    String a = activity(ana, "cycling", t, 3, new String[0], true);
    String b = activity(ana, "running", t.plusSeconds(3600), 2, new String[0], true);
    series(a, ana, "power", t.getEpochSecond(), new double[] {100, Double.NaN, 300});
    series(b, ana, "heart_rate", t.getEpochSecond() + 3600, new double[] {140, 141});

    List<GenericRecord> rows =
        parquetRows(
            getBytes(
                    ana,
                    "/api/v1/activities/longitudinal-data?metrics=power,heart_rate"
                        + "&start=2024-04-10&end=2024-04-10")
                .body());

    assertThat(rows)
        .extracting(
            r ->
                r.get("activity_id")
                    + " "
                    + (Instant) r.get("timestamp")
                    + " "
                    + r.get("duration")
                    + " "
                    + r.get("power")
                    + " "
                    + r.get("heart_rate"))
        .containsExactly(
            a + " 2024-04-10T08:00:00Z 0 100.0 null",
            a + " 2024-04-10T08:00:01Z 1 null null",
            a + " 2024-04-10T08:00:02Z 2 300.0 null",
            b + " 2024-04-10T09:00:00Z 0 null 140.0",
            b + " 2024-04-10T09:00:01Z 1 null 141.0");
  }

  @Test
  void backfillStatusStreamsProgressUntilEverythingIsLoadedOrTheLimit() throws Exception {
    User ana = user();
    Instant t = Instant.parse("2024-01-10T10:00:00Z");
    activity(ana, "cycling", t, 60, new String[0], false);
    activity(ana, "cycling", t.plusSeconds(86_400), 60, new String[0], true);

    HttpResponse<Stream<String>> pending = stream(ana);
    assertThat(pending.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
    List<String> lines = pending.body().toList();
    // 400 ms limit, a line every 50 ms: the stream ends by itself after several lines
    assertThat(lines).hasSizeBetween(3, 10);
    assertThat(JSON.readTree(lines.get(0)).toString())
        .isEqualTo(
            "{\"backfill_loaded_until\":\"2024-01-11T10:00:00Z\","
                + "\"activities_uploaded\":2,\"activities_loaded\":1}");

    User bob = user();
    Instant b = Instant.parse("2024-02-10T10:00:00Z");
    activity(bob, "cycling", b, 60, new String[0], true);
    List<String> done = stream(bob).body().toList();
    assertThat(done)
        .containsExactly(
            "{\"backfill_loaded_until\":\"2024-02-10T10:00:00Z\","
                + "\"activities_uploaded\":1,\"activities_loaded\":1}");
  }

  // --- helpers ---

  private record User(long id, String token) {}

  private static User user() {
    String name = "reads" + NAMES.incrementAndGet();
    var account =
        accounts.create(
            new NewAccount(name, name + "@example.com", null, Role.ATHLETE, "x", null, null));
    String token =
        tokens
            .issue(new Principal(account.id(), account.username(), account.role().dbValue()))
            .accessToken();
    return new User(account.id(), token);
  }

  private HttpResponse<String> get(User user, String path) throws Exception {
    return http.send(request(user, path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(User user, String path) throws Exception {
    return http.send(request(user, path), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<Stream<String>> stream(User user) throws Exception {
    return http.send(
        request(user, "/api/v1/activities/backfill-status"), HttpResponse.BodyHandlers.ofLines());
  }

  private static HttpRequest request(User user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + user.token())
        .timeout(Duration.ofSeconds(20))
        .build();
  }

  private static List<String> ids(HttpResponse<String> response) throws IOException {
    List<String> ids = new ArrayList<>();
    JSON.readTree(response.body()).forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static long[] sum(long[] a, long[] b) {
    long[] s = new long[Math.max(a.length, b.length)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
    }
    return s;
  }

  /** Rows as parquet-avro reads them: timestamp-millis columns arrive as {@link Instant}s. */
  private static List<GenericRecord> parquetRows(byte[] parquet) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new BytesInputFile(parquet)).build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static MessageType parquetSchema(byte[] parquet) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(parquet))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  /** A Parquet file held in memory, for the reader. */
  private record BytesInputFile(byte[] bytes) implements InputFile {

    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new DelegatingSeekableInputStream(in) {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void seek(long newPos) {
          in.reset();
          in.skip(newPos);
          position = newPos;
        }

        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            position++;
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            position += n;
          }
          return n;
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
          super.readFully(b, off, len);
        }
      };
    }
  }

  // --- rows as the edge and the activity job write them (V8) ---

  /** An uploaded, published file (local offset +02:00) and, if computed, the job's row. */
  private static String activity(
      User user, String sport, Instant start, int seconds, String[] tags, boolean computed)
      throws SQLException {
    String id = "act-" + NAMES.incrementAndGet();
    execute(
        "INSERT INTO activity_files (activity_id, user_id, sha256, file_name, file_format, content,"
            + " sport, start_time, end_time, local_offset_seconds, record_count, tags, app_metadata,"
            + " published_at) VALUES (?, ?, ?, 'a.fit', 'fit', '\\x00'::bytea, ?, ?, ?, 7200, ?, ?,"
            + " '{\"note\": \"x\"}'::jsonb, now())",
        id,
        user.id(),
        "sha-" + id,
        sport,
        start.atOffset(ZoneOffset.UTC),
        start.plusSeconds(seconds).atOffset(ZoneOffset.UTC),
        seconds,
        tags);
    if (computed) {
      execute(
          "INSERT INTO recorded_activities (activity_id, user_id, sport, source_id, start_time,"
              + " end_time, local_offset_seconds, metrics, summary, devices, distance) VALUES"
              + " (?, ?, ?, ?, ?, ?, 7200, ?, ?::jsonb, ?, 1234.5)",
          id,
          user.id(),
          sport,
          "sha-" + id,
          start.atOffset(ZoneOffset.UTC),
          start.plusSeconds(seconds).atOffset(ZoneOffset.UTC),
          new String[] {"duration", "power", "heart_rate"},
          "{\"power\": {\"max\": 300, \"mean\": 200}}",
          new String[] {"Garmin Edge 530"});
    }
    return id;
  }

  private static void series(String id, User user, String metric, long start, double[] values)
      throws SQLException {
    execute(
        "INSERT INTO activity_series (activity_id, metric, user_id, start_epoch_second, vals)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        metric,
        user.id(),
        start,
        Arrays.stream(values).boxed().toArray(Double[]::new));
  }

  private static void meanMax(
      String id, User user, String metric, String sport, Instant start, double[] best, long[] at)
      throws SQLException {
    execute(
        "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
            + " local_date, best, best_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        metric,
        user.id(),
        sport,
        start.atOffset(ZoneOffset.UTC),
        start.atOffset(ZoneOffset.ofHours(2)).toLocalDate(),
        Arrays.stream(best).boxed().toArray(Double[]::new),
        Arrays.stream(at).boxed().toArray(Long[]::new));
  }

  private static void awd(
      String id, User user, String metric, String sport, Instant start, double step, long[] sums)
      throws SQLException {
    execute(
        "INSERT INTO activity_awd (activity_id, metric, user_id, sport, start_time, local_date,"
            + " level_step, seconds_at_or_above) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        metric,
        user.id(),
        sport,
        start.atOffset(ZoneOffset.UTC),
        start.atOffset(ZoneOffset.ofHours(2)).toLocalDate(),
        step,
        Arrays.stream(sums).boxed().toArray(Long[]::new));
  }

  private static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof String[] texts) {
          p = connection.createArrayOf("text", texts);
        } else if (p instanceof Double[] doubles) {
          p = connection.createArrayOf("float8", doubles);
        } else if (p instanceof Long[] longs) {
          p = connection.createArrayOf("int8", longs);
        }
        statement.setObject(i + 1, p);
      }
      statement.executeUpdate();
    }
  }
}
