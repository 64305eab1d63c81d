package io.wearflow.infra.e2e.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A raw HTTP client for the matrix: any method, any {@code Authorization} header value (or none), a
 * JSON body (or a text body of another type, such as a multipart upload of a CSV) or none. An event
 * stream ({@code text/event-stream}) is answered by its status and headers only: the stream is
 * closed at once.
 */
final class Client {

  /** A response: status, body (empty for an event stream) and two headers the checks read. */
  record Response(
      int status, String body, Optional<String> contentType, Optional<String> challenge) {}

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Client(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Response send(String method, String path, String jsonBody, String authorization)
      throws IOException, InterruptedException {
    return send(method, path, jsonBody, "application/json", authorization);
  }

  /** A request with a body of another type (a multipart upload), sent as UTF-8 text. */
  Response send(
      String method, String path, String requestBody, String requestType, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                requestBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(requestBody));
    if (requestBody != null) {
      request.header("Content-Type", requestType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    Optional<String> contentType = response.headers().firstValue("Content-Type");
    Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
    try (InputStream body = response.body()) {
      if (contentType.orElse("").startsWith("text/event-stream")) {
        return new Response(response.statusCode(), "", contentType, challenge);
      }
      return new Response(
          response.statusCode(),
          new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          contentType,
          challenge);
    }
  }
}
