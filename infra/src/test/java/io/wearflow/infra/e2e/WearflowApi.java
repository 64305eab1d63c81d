package io.wearflow.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wearflow HTTP API as a client sees it, over real HTTP ({@link HttpClient}): register an
 * athlete, get a token, post samples, read actigraphy. Every athlete gets a unique username so
 * tests sharing a stack stay independent.
 */
public final class WearflowApi {

  public static final String SAMPLES = "/api/v1.1/samples";
  public static final String PASSWORD = "correct horse battery";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:41234}
   */
  public WearflowApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An athlete registered through the API, with a bearer token. */
  public record Athlete(long id, String username, String token) {}

  /** Registers a new athlete ({@code POST /v1/athletes/}) and logs it in. */
  public Athlete newAthlete(String prefix) throws Exception {
    String username =
        prefix
            + "-"
            + COUNTER.incrementAndGet()
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    var body = JSON.createObjectNode();
    body.put("username", username);
    body.put("email", username + "@example.com");
    body.put("password", PASSWORD);
    body.putObject("athlete_profile").put("first_name", "Test").put("last_name", prefix);
    HttpResponse<String> registered = postJson("/v1/athletes/", body.toString(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    long id = JSON.readTree(registered.body()).get("id").asLong();
    return new Athlete(id, username, token(username));
  }

  /** A fresh token for {@code username} ({@code POST /api/v1/auth/token}). */
  public String token(String username) throws Exception {
    var body = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
    HttpResponse<String> response = postJson("/api/v1/auth/token", body.toString(), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  /** Posts a batch and checks it was accepted (201, {@code {"accepted": N}}). */
  void postAccepted(String token, SampleBatch batch) throws Exception {
    HttpResponse<String> response = postJson(SAMPLES, batch.toJson(), token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(JSON.readTree(response.body()).get("accepted").asInt())
        .isEqualTo(batch.samples().size());
  }

  /** {@code POST path} with a JSON body; {@code token} null for no Authorization header. */
  public HttpResponse<String> postJson(String path, String body, String token)
      throws IOException, InterruptedException {
    return post(path, "application/json", token == null ? null : "Bearer " + token, body);
  }

  /** {@code POST path} with any content type and Authorization header (null for none). */
  public HttpResponse<String> post(
      String path, String contentType, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Any request: {@code method path} with a JSON body (null for none) and the token as bearer (null
   * for no Authorization header), e.g. {@code send("PUT", "/api/v1/me/timezone", body, t)}.
   */
  public HttpResponse<String> send(String method, String path, String jsonBody, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", bearer(token));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /api/0.1/actigraphy/} for the token's user; must answer 200. */
  public JsonNode actigraphy(String token, LocalDate start, LocalDate end) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl + "/api/0.1/actigraphy/?start_date=" + start + "&end_date=" + end))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The Authorization header carrying {@code token}. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** The day {@code date} of an actigraphy response, or null when absent. */
  public static JsonNode day(JsonNode actigraphy, LocalDate date) {
    for (JsonNode day : actigraphy.get("days")) {
      if (day.get("date").asText().equals(date.toString())) {
        return day;
      }
    }
    return null;
  }

  public static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }
}
