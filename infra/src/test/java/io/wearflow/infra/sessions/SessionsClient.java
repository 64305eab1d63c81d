package io.wearflow.infra.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions API as a client sees it, over real HTTP: register an athlete, get a token, PUT and
 * list sessions.
 */
final class SessionsClient {

  static final String SESSIONS = "/fitness/v1/users/me/sessions";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String PASSWORD = "correct horse battery";

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:41234}
   */
  SessionsClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An athlete registered through the API, with a bearer token. */
  record Athlete(long id, String token) {}

  /** Registers a new athlete ({@code POST /v1/athletes/}) and gets its token. */
  Athlete newAthlete(String prefix) throws Exception {
    String username =
        prefix
            + "-"
            + COUNTER.incrementAndGet()
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    var registration =
        JSON.createObjectNode()
            .put("username", username)
            .put("email", username + "@example.com")
            .put("password", PASSWORD);
    HttpResponse<String> registered =
        send("POST", "/v1/athletes/", "application/json", registration.toString(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    long id = JSON.readTree(registered.body()).get("id").asLong();
    var login = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
    HttpResponse<String> token =
        send("POST", "/api/v1/auth/token", "application/json", login.toString(), null);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    return new Athlete(id, JSON.readTree(token.body()).get("access_token").asText());
  }

  /** {@code PUT /fitness/v1/users/me/sessions/{sessionId}}; must answer 200 with the session. */
  JsonNode putAccepted(Athlete athlete, String sessionId, String body) throws Exception {
    HttpResponse<String> response = put(athlete, SESSIONS + "/" + sessionId, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** {@code PUT path} with a JSON body. */
  HttpResponse<String> put(Athlete athlete, String path, String body) throws Exception {
    return send("PUT", path, "application/json", body, athlete.token());
  }

  /** {@code GET /fitness/v1/users/me/sessions?query}; must answer 200. */
  JsonNode list(Athlete athlete, String query) throws Exception {
    HttpResponse<String> response =
        send("GET", SESSIONS + (query.isEmpty() ? "" : "?" + query), null, null, athlete.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> send(
      String method, String path, String contentType, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }
}
