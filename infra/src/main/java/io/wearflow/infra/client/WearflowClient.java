package io.wearflow.infra.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small client of wearflow's HTTP API for the command-line tools (simulators, benchmarks): JSON
 * in, JSON out, bearer tokens, and the status code kept so that callers decide what an error means.
 * Thread-safe.
 */
public final class WearflowClient {

  /** An answer of the API: its status code and its body, parsed when it is JSON. */
  public record Response(int status, JsonNode body, String text) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** This response when it is a 2xx, else an exception naming the call and the problem. */
    public Response orThrow(String call) {
      if (!ok()) {
        throw new ApiCallException(call + " answered " + status + ": " + text);
      }
      return this;
    }
  }

  /** A call that did not get the answer it needed. */
  public static final class ApiCallException extends RuntimeException {
    public ApiCallException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;

  /**
   * @param baseUrl e.g. {@code http://localhost:8080}
   */
  public WearflowClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A new JSON object to fill in as a request body. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Registers an athlete and returns its account id. */
  public long registerAthlete(String username, String email, String password) {
    ObjectNode body = object().put("username", username).put("email", email);
    body.put("password", password);
    return send("POST", "/v1/athletes/", null, body)
        .orThrow("registering " + username)
        .body()
        .path("id")
        .asLong();
  }

  /** A bearer token for the account. */
  public String token(String username, String password) {
    ObjectNode body = object().put("username", username).put("password", password);
    return send("POST", "/api/v1/auth/token", null, body)
        .orThrow("token for " + username)
        .body()
        .path("access_token")
        .asText();
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  /**
   * A GET whose answer is read in full but not decoded or parsed: for load generators, which only
   * need the status and the size and should not spend the CPU they share with the server on it.
   */
  public Fetched fetch(String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Fetched(response.statusCode(), response.body().length);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + baseUrl + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + path, e);
    }
  }

  /** The status and body size of a {@link #fetch}. */
  public record Fetched(int status, int bytes) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Response post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public Response put(String path, String token, Object body) {
    return send("PUT", path, token, body);
  }

  /** One call; the body is serialized with Jackson unless it is already a String. */
  public Response send(String method, String path, String token, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(text));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), parse(response), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  private static JsonNode parse(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.contains("json") || response.body().isEmpty()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.valueToTree(Map.of("unparsable", response.body()));
    }
  }
}
