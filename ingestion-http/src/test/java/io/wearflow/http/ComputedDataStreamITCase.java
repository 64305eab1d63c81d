package io.wearflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Timeframe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/timeframes/{timeFrame}/computed-data/stream} over real HTTP (the edge on a random
 * port, the JDK's HTTP client reading the event stream line by line), the job's results written
 * into the in-memory table while the stream is open.
 */
class ComputedDataStreamITCase {

  private static final Instant KICK_OFF = Instant.parse("2022-02-20T12:18:29Z");
  private static final Instant FINAL_WHISTLE = Instant.parse("2022-02-20T13:18:29Z");
  private static final Map<String, String> END = Map.of();

  private final MatchEdge match = new MatchEdge();
  private final Account coach = match.manager("coach");
  private final Account physio = match.manager("physio");
  private final Account ana = match.athlete("ana");
  private final HttpClient http = HttpClient.newHttpClient();
  private Timeframe timeframe;
  private Javalin app;

  @BeforeEach
  void start() {
    match.timeframes.addDevice(50, "vest", coach.id());
    match.grant(ana, physio, PermissionKind.READ, "2022-01-01T00:00:00Z", null);
    match.grant(ana, coach, PermissionKind.READ, "2022-01-01T00:00:00Z", "2022-02-20T13:00:00Z");
    timeframe =
        match.timeframes.create(
            new NewTimeframe(KICK_OFF, FINAL_WHISTLE, "{}", 50, null, ana.id(), coach.id(), 11));
    app = match.app().start(0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void streamSendsTheCurrentResultsThenEveryChangeThenTheFinalEvent() throws Exception {
    Instant first = KICK_OFF.plusSeconds(60);
    Instant second = KICK_OFF.plusSeconds(61);
    match.computed.put(timeframe.id(), "{\"total_distance\": 10.5}", false, first);

    BlockingQueue<Map<String, String>> events = open(physio);

    assertThat(events.poll(5, TimeUnit.SECONDS))
        .isEqualTo(event("computed-data", "{\"total_distance\": 10.5}", first));
    match.computed.put(timeframe.id(), "{\"total_distance\": 20.25}", false, second);
    assertThat(events.poll(5, TimeUnit.SECONDS))
        .isEqualTo(event("computed-data", "{\"total_distance\": 20.25}", second));
    match.computed.put(timeframe.id(), "{\"total_distance\": 4070.0806}", true, FINAL_WHISTLE);
    assertThat(events.poll(5, TimeUnit.SECONDS))
        .isEqualTo(event("computed-data", "{\"total_distance\": 4070.0806}", FINAL_WHISTLE));
    assertThat(events.poll(5, TimeUnit.SECONDS))
        .isEqualTo(
            event(
                "final",
                "{\"timeframe\": " + timeframe.id() + ", \"reason\": \"computed\"}",
                FINAL_WHISTLE));
    assertThat(events.poll(5, TimeUnit.SECONDS)).isSameAs(END);
  }

  @Test
  void streamEndsWhenTheTimeframeIsDeleted() throws Exception {
    BlockingQueue<Map<String, String>> events = open(ana);

    match.timeframes.delete(timeframe.id());

    Map<String, String> last = events.poll(5, TimeUnit.SECONDS);
    assertThat(last.get("event")).isEqualTo("final");
    assertThat(last.get("data"))
        .isEqualTo("{\"timeframe\": " + timeframe.id() + ", \"reason\": \"deleted\"}");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isSameAs(END);
  }

  @Test
  void managerWhoseReadWindowEndsBeforeTheTimeframeGets403() throws Exception {
    HttpResponse<String> response = http.send(request(coach), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  /** Opens the stream; its events arrive in the queue as field maps, then {@link #END}. */
  private BlockingQueue<Map<String, String>> open(Account who) throws Exception {
    HttpResponse<Stream<String>> response =
        http.send(request(who), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              Map<String, String> fields = new HashMap<>();
              try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                  if (line.isEmpty()) {
                    if (!fields.isEmpty()) {
                      events.add(Map.copyOf(fields));
                    }
                    fields.clear();
                  } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                  }
                }
              } catch (RuntimeException e) {
                // the stream was cut: END below tells the test
              }
              events.add(END);
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  private HttpRequest request(Account who) {
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:"
                    + app.port()
                    + "/v1/timeframes/"
                    + timeframe.id()
                    + "/computed-data/stream"))
        .header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + match.token(who))
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private static Map<String, String> event(String name, String data, Instant updatedAt) {
    return Map.of("event", name, "data", data, "id", Long.toString(updatedAt.toEpochMilli()));
  }
}
