package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.controlplane.ControlPlane;
import io.wearflow.http.controlplane.SeedSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/json-schemas/} over HTTP with the seed schemas in memory: managers only. */
class JsonSchemasEndpointTest {

  private static final String SCHEMAS = "/v1/json-schemas/";

  private final EdgeFixture edge = new EdgeFixture();
  private final Account coach =
      edge.accounts.create(
          new NewAccount("coach", "coach@example.com", null, Role.MANAGER, null, null, null));
  private final Account ana = edge.athlete("ana");

  @Test
  void managerListsEverySeedSchemaInTheReferenceEnvelope() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = get(client, SCHEMAS, token(coach));

          assertThat(response.code()).isEqualTo(200);
          JsonNode page = edge.body(response);
          assertThat(page.get("count").asLong()).isEqualTo(14);
          assertThat(page.get("page").asInt()).isEqualTo(1);
          assertThat(page.get("next").isNull()).isTrue();
          assertThat(page.get("previous").isNull()).isTrue();
          assertThat(names(page))
              .containsExactlyElementsOf(SeedSchemas.all().stream().map(s -> s.name()).toList());
          JsonNode soccer = page.get("results").get(10);
          assertThat(soccer.get("id").asLong()).isEqualTo(11);
          assertThat(soccer.get("name").asText()).isEqualTo("timeframe_soccer");
          assertThat(soccer.get("type").asText()).isEqualTo("TIMEFRAME");
          assertThat(soccer.get("parent").asLong()).isEqualTo(2);
          assertThat(soccer.get("schema"))
              .isEqualTo(edge.json.readTree(SeedSchemas.named("timeframe_soccer").schemaJson()));
          assertThat(soccer.fieldNames())
              .toIterable()
              .containsExactly("id", "name", "type", "parent", "schema");
        });
  }

  @Test
  void listIsFilteredOrderedAndPaged() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode page2 =
              edge.body(
                  get(
                      client,
                      SCHEMAS + "?type=timeframe&ordering=-name&limit=3&page=2",
                      token(coach)));
          assertThat(page2.get("count").asLong()).isEqualTo(7);
          assertThat(page2.get("next").asInt()).isEqualTo(3);
          assertThat(page2.get("previous").asInt()).isEqualTo(1);
          assertThat(names(page2))
              .containsExactly("timeframe_soccer", "timeframe_running", "timeframe_biking");

          JsonNode soccer = edge.body(get(client, SCHEMAS + "?search=SOCCER", token(coach)));
          assertThat(names(soccer)).containsExactly("activity_soccer", "timeframe_soccer");

          JsonNode children =
              edge.body(get(client, SCHEMAS + "?parent=1&ordering=name&limit=2", token(coach)));
          assertThat(children.get("count").asLong()).isEqualTo(6);
          assertThat(names(children)).containsExactly("activity_biking", "activity_running");
        });
  }

  @Test
  void schemaIsReadByIdOrByName() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response byId = get(client, SCHEMAS + "11/", token(coach));
          Response byName = get(client, SCHEMAS + "timeframe_soccer/", token(coach));

          assertThat(byId.code()).isEqualTo(200);
          JsonNode schema = edge.body(byId);
          assertThat(schema.get("name").asText()).isEqualTo("timeframe_soccer");
          assertThat(edge.body(byName)).isEqualTo(schema);
          assertThat(get(client, SCHEMAS + "99/", token(coach)).code()).isEqualTo(404);
          Response unknown = get(client, SCHEMAS + "timeframe_curling/", token(coach));
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        });
  }

  @Test
  void onlyManagersReadSchemas() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(get(client, SCHEMAS, null).code()).isEqualTo(401);
          assertThat(get(client, SCHEMAS + "11/", null).code()).isEqualTo(401);
          Response athlete = get(client, SCHEMAS, token(ana));
          assertThat(athlete.code()).isEqualTo(403);
          assertThat(edge.body(athlete).get("detail").asText())
              .isEqualTo("You do not have permission to perform this action.");
          assertThat(get(client, SCHEMAS + "11/", token(ana)).code()).isEqualTo(403);
        });
  }

  @Test
  void invalidParametersAre422WithEveryOne() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              get(client, SCHEMAS + "?ordering=colour&type=SPORT&parent=x&page=0", token(coach));

          assertThat(response.code()).isEqualTo(422);
          List<String> pointers = new ArrayList<>();
          edge.body(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
          assertThat(pointers).containsExactly("/page", "/ordering", "/type", "/parent");
        });
  }

  @Test
  void withoutAControlPlaneTheRoutesAnswer503() {
    HttpConfig config = HttpConfig.defaults().withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    Javalin unwired =
        HttpApp.create(
            new HttpDependencies(
                edge.accounts,
                edge.days,
                edge.timeZones,
                edge.publisher,
                edge.tokens,
                edge.passwords,
                edge.clock,
                config));
    JavalinTest.test(
        unwired,
        (server, client) -> {
          Response response = get(client, SCHEMAS, token(coach));
          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isEqualTo("5");
        });
  }

  private Javalin app() {
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
                new ControlPlane(new InMemoryPermissions(), new InMemoryJsonSchemas())));
  }

  private String token(Account account) {
    return edge.tokenFor(account);
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("results").forEach(result -> names.add(result.get("name").asText()));
    return names;
  }
}
