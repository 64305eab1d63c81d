package io.wearflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.controlplane.ControlPlane;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An edge whose live-match stores (activities, timeframes, computed data, permissions) are in
 * memory, for the functional tests of {@code /v1/activities/} and {@code /v1/timeframes/}.
 */
final class MatchEdge {

  static final String FORBIDDEN = "You do not have permission to perform this action.";

  final EdgeFixture edge = new EdgeFixture();
  final InMemoryPermissions permissions = new InMemoryPermissions();
  final InMemoryActivities activities = new InMemoryActivities();
  final InMemoryTimeframes timeframes = new InMemoryTimeframes();
  final InMemoryComputedData computed = new InMemoryComputedData(timeframes);

  MatchEdge() {
    activities.cascadeTo(timeframes);
  }

  Javalin app() {
    HttpConfig config = HttpConfig.defaults().withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    return HttpApp.create(
        new HttpDependencies(
                edge.accounts,
                edge.days,
                edge.timeZones,
                edge.publisher,
                edge.tokens,
                edge.passwords,
                edge.clock,
                config)
            .withControlPlane(
                new ControlPlane(
                    permissions, new InMemoryJsonSchemas(), activities, timeframes, computed)));
  }

  Account manager(String username) {
    return edge.accounts.create(
        new NewAccount(username, username + "@example.com", null, Role.MANAGER, null, null, null));
  }

  Account athlete(String username) {
    return edge.athlete(username);
  }

  void grant(Account athlete, Account manager, PermissionKind kind, String from, String to) {
    permissions.create(
        new NewPermission(
            athlete.id(),
            manager.id(),
            kind,
            Instant.parse(from),
            to == null ? null : Instant.parse(to)));
  }

  String token(Account account) {
    return edge.tokenFor(account);
  }

  JsonNode body(Response response) throws IOException {
    return edge.body(response);
  }

  JsonNode json(String text) throws IOException {
    return edge.json.readTree(text);
  }

  static Response send(HttpClient client, String method, String path, String body, String token) {
    return client.request(
        path,
        builder -> {
          builder.method(method, body == null ? null : RequestBody.create(body, Requests.JSON));
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }

  static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("results").forEach(r -> ids.add(r.get("id").asLong()));
    return ids;
  }
}
