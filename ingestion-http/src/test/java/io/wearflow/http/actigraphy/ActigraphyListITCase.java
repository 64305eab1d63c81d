package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.postgres.UserDayQueries;
import io.wearflow.connectors.postgres.UserDayStore;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.auth.TokenService;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The actigraphy list over real HTTP against a real PostgreSQL, whose rows are written by the job's
 * {@link UserDayStore}: the answer is byte for byte the answer the edge gave before it read the
 * rows and wrote the JSON by hand ({@link UserDayQueries#findDays}, {@link ActigraphyDay#summary}
 * and the edge's {@code ObjectMapper}).
 */
class ActigraphyListITCase {

  private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
  private static final byte[] KEY =
      "actigraphy list test key, 32+ bytes long".getBytes(StandardCharsets.UTF_8);
  private static final LocalDate FIRST = LocalDate.parse("2023-12-31");

  private static EmbeddedPostgres postgres;
  private static Database database;
  private static Javalin app;
  private static long userId;
  private static String token;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = JsonSupport.newObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    database =
        Database.connect(
            new PostgresConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""), 4);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    HttpConfig config = HttpConfig.defaults().withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    var account =
        new AccountStore(database.dataSource())
            .create(new NewAccount("ana", "ana@example.com", null, Role.ATHLETE, "x", null, null));
    userId = account.id();
    token =
        new TokenService(KEY, Duration.ofHours(1), clock)
            .issue(new Principal(account.id(), account.username(), account.role().dbValue()))
            .accessToken();
    Random random = new Random(2024);
    List<UserDay> days = new ArrayList<>();
    for (int d = 0; d < 370; d++) {
      if (d % 17 != 5) { // a few days without data
        days.add(day(random, FIRST.plusDays(d)));
      }
    }
    days.add(
        UserDay.newBuilder(day(random, FIRST)).setUserId(userId + 1).build()); // someone else's
    new UserDayStore(database.dataSource()).upsert(days);
    app =
        HttpApp.create(
                HttpDependencies.of(database.dataSource(), samples -> {}, KEY, clock, config))
            .start(0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    database.close();
    postgres.close();
  }

  @Test
  void aYearIsTheSameBytesAsBefore() throws Exception {
    LocalDate end = FIRST.plusDays(365);
    HttpResponse<byte[]> response = get("?start_date=" + FIRST + "&end_date=" + end);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(before(FIRST, end, 366))
        .contains("\"device_name\":\"quote \\\" and \\\\ back\"")
        .contains("E7,");
  }

  @Test
  void pagesAreTheSameBytesAsBefore() throws Exception {
    LocalDate start = FIRST.plusDays(3);
    LocalDate end = FIRST.plusDays(369);
    String query = "?start_date=" + start + "&end_date=" + end + "&limit=100";
    List<String> pages = new ArrayList<>();
    while (query != null) {
      String page = new String(get(query).body(), StandardCharsets.UTF_8);
      pages.add(page);
      String next = mapper.readTree(page).get("next").asText(null);
      query = next == null ? null : next.substring(next.indexOf('?'));
    }

    assertThat(pages).hasSize(4);
    for (String page : pages) {
      LocalDate pageStart = LocalDate.parse(mapper.readTree(page).get("start_date").asText());
      assertThat(page).isEqualTo(before(pageStart, end, 100));
    }
    LocalDate lastOfFirst =
        LocalDate.parse(mapper.readTree(pages.get(0)).get("days").get(99).get("date").asText());
    assertThat(mapper.readTree(pages.get(1)).get("start_date").asText())
        .isEqualTo(lastOfFirst.plusDays(1).toString());
  }

  /** The answer of the edge before: typed days, then the edge's ObjectMapper, as ctx.json did. */
  private String before(LocalDate start, LocalDate end, int limit) throws Exception {
    List<UserDay> days =
        new UserDayQueries(database.dataSource()).findDays(userId, start, end, limit + 1);
    String next = null;
    if (days.size() > limit) {
      days = days.subList(0, limit);
      next =
          new DaysQuery(new DateRange(start, end), limit)
              .after(days.get(limit - 1).getLocalDate())
              .uri(ActigraphyHandlers.PATH);
    }
    return mapper.writeValueAsString(
        new ActigraphyResponse(
            start, end, limit, days.stream().map(ActigraphyDay::summary).toList(), next));
  }

  private HttpResponse<byte[]> get(String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + ActigraphyHandlers.PATH + query))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A day as the job writes it, with values of every magnitude, nulls and odd device names. */
  private static UserDay day(Random random, LocalDate date) {
    ActigraphyDay values = ActigraphyListJsonTest.randomDay(random, date);
    List<SourceTotals> sources = new ArrayList<>();
    for (ActigraphyDay.Source s : values.sources()) {
      sources.add(
          new SourceTotals(
              s.source(), s.deviceName(), s.steps(), s.distance(), s.calories(), s.sampleCount()));
    }
    ActigraphyDay.HeartRate heartRate = values.heartRate();
    return UserDay.newBuilder()
        .setUserId(userId)
        .setLocalDate(date)
        .setStepsTotal(values.steps())
        .setDistanceTotalM(values.distance())
        .setCaloriesTotalJ(values.calories())
        .setBpmMin(heartRate == null ? null : heartRate.min())
        .setBpmMax(heartRate == null ? null : heartRate.max())
        .setBpmMean(heartRate == null ? null : heartRate.mean())
        .setBpmResting(heartRate == null ? null : heartRate.resting())
        .setMinutesWithData(values.minutesWithData())
        .setActiveMinutes(values.activeMinutes())
        .setDayStartHour(values.dayStartHour())
        .setSources(sources)
        .setSampleCount(values.sampleCount())
        .setDevices(values.devices())
        .setUpdatedAt(values.updatedAt())
        .build();
  }
}
