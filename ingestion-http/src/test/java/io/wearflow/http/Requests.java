package io.wearflow.http;

import io.javalin.testtools.HttpClient;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw HTTP requests for functional tests: bodies are sent exactly as written. */
final class Requests {

  static final MediaType JSON = MediaType.get("application/json");

  private Requests() {}

  static Response postJson(HttpClient client, String path, String body, String token) {
    return post(client, path, RequestBody.create(body, JSON), token);
  }

  static Response post(HttpClient client, String path, RequestBody body, String token) {
    return client.request(
        path,
        builder -> {
          builder.post(body);
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }

  static Response putJson(HttpClient client, String path, String body, String token) {
    return client.request(
        path,
        builder -> {
          builder.put(RequestBody.create(body, JSON));
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }

  static Response get(HttpClient client, String path, String token) {
    return client.request(
        path,
        builder -> {
          builder.get();
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }
}
