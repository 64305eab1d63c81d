package io.wearflow.infra.e2e.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.auth.TokenService;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.Eventually;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.auth.AuthorizationTable.Row;
import io.wearflow.infra.e2e.auth.World.Account;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The authorization matrix of issue 7 on a real local stack: every authenticated endpoint against
 * every kind of caller ({@link AuthorizationTable}), one dynamic test per cell. Expired tokens are
 * signed with the stack's own key (read from its secrets directory) under a clock two hours back;
 * badly signed ones with another random 32-byte key. Afterwards: nothing the test used as a
 * password, bearer token or webhook secret appears in anything the stack logged meanwhile, and
 * passwords are stored as salted bcrypt hashes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixITCase {

  @TempDir static Path dataDir;

  private static CapturedLog log;
  private static HttpServer receiver;
  private static final AtomicInteger webhookCalls = new AtomicInteger();
  private static LocalStack stack;
  private static World world;
  private static TokenService expiredTokens;
  private static TokenService foreignTokens;

  @BeforeAll
  static void start() throws Exception {
    log = CapturedLog.start();
    // A webhook receiver that always fails, so that the dispatcher retries (and logs) deliveries.
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          webhookCalls.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    receiver.start();
    stack = LocalStack.start(TestStacks.config(dataDir));
    Client client = new Client(stack.endpoints().httpUrl().orElseThrow());
    String webhookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    world = new World(client, stack.database().dataSource(), TestStacks.ADMIN_PASSWORD, webhookUrl);

    String encodedKey =
        Files.readString(stack.config().secretsDir().resolve("token-signing-key")).trim();
    byte[] stackKey = Base64.getUrlDecoder().decode(encodedKey);
    world.secrets.add(encodedKey);
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    expiredTokens =
        new TokenService(stackKey, Duration.ofHours(1), Clock.fixed(twoHoursAgo, ZoneOffset.UTC));
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    foreignTokens = new TokenService(otherKey, Duration.ofHours(1), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (log != null) {
      log.close();
    }
  }

  @Test
  @Order(1)
  void theTableHasOneRowPerEndpointAndOneStatusPerCaller() {
    List<Row> rows = AuthorizationTable.rows();
    assertThat(rows).extracting(Row::endpoint).doesNotHaveDuplicates();
    assertThat(rows).extracting(Row::endpoint).containsExactlyElementsOf(Endpoints.all().keySet());
    assertThat(AuthorizationTable.cells()).hasSize(rows.size() * Caller.values().length);
    for (Row row : rows) {
      for (Caller tokenless : List.of(Caller.values()).subList(0, 4)) {
        assertThat(row.status(tokenless)).as(row.endpoint()).isEqualTo(401);
      }
    }
  }

  @TestFactory
  @Order(2)
  Stream<DynamicNode> everyEndpointAnswersEveryCallerAsTheTableSays() {
    return AuthorizationTable.rows().stream()
        .map(
            row ->
                DynamicContainer.dynamicContainer(
                    row.endpoint(),
                    row.cells().stream()
                        .map(
                            cell ->
                                dynamicTest(cell.toString(), () -> check(row, cell.caller())))));
  }

  @Test
  @Order(3)
  void noPasswordTokenOrWebhookSecretIsEverLogged() throws Exception {
    // Let the dispatcher fail and retry a few deliveries (each with the secret in a header).
    Eventually.assertThatEventually(() -> assertThat(webhookCalls.get()).isGreaterThanOrEqualTo(3));
    // A failed login with a password that must not be logged either.
    String wrong = "wrong-" + World.unique("password");
    world.secrets.add(wrong);
    Client.Response refused =
        world.client.send(
            "POST",
            "/api/v1/auth/token",
            World.JSON
                .createObjectNode()
                .put("username", world.otherAthlete.username())
                .put("password", wrong)
                .toString(),
            null);
    assertThat(refused.status()).isEqualTo(401);
    Thread.sleep(1000);

    // The capture works, for wearflow's code down to DEBUG and for libraries at INFO.
    String canary = World.unique("canary");
    LoggerFactory.getLogger("io.wearflow.http.auth").debug("{} from wearflow", canary);
    LoggerFactory.getLogger("org.eclipse.jetty.server").info("{} from a library", canary);
    String logged = log.text();
    assertThat(logged)
        .contains("Created the admin account")
        .contains(canary + " from wearflow", canary + " from a library")
        .containsPattern("webhook delivery \\d+ \\(webhook \\d+, [a-z.]+\\) attempt \\d+ failed");
    assertThat(world.secrets).hasSizeGreaterThan(100);
    List<String> leaked = new ArrayList<>();
    for (String secret : world.secrets) {
      if (logged.contains(secret)) {
        leaked.add(secret);
      }
    }
    assertThat(leaked).as("secrets found in %d log lines", log.lineCount()).isEmpty();
  }

  @Test
  @Order(4)
  void passwordsAreStoredAsSlowSaltedBcryptHashes() throws Exception {
    Account first = world.otherAthlete;
    Account second = world.registerAthlete("same-password");
    // Production default: bcrypt cost 12 (the test stack uses 4 to stay fast).
    assertThat(HttpConfig.Auth.DEFAULT.bcryptCost()).isGreaterThanOrEqualTo(12);
    int cost = stack.config().http().api().auth().bcryptCost();
    for (Account account : List.of(first, second, world.managerWithPermission, world.admin)) {
      String hash = storedHash(account.username());
      assertThat(hash).startsWith(String.format("$2b$%02d$", cost)).hasSize(60);
      assertThat(hash).doesNotContain(account.password());
      assertThat(BCrypt.verifyer().verify(account.password().toCharArray(), hash).verified)
          .as(account.username())
          .isTrue();
    }
    // Salted: the same password hashes differently each time (here re-hashed by bcrypt itself).
    String again = BCrypt.withDefaults().hashToString(cost, first.password().toCharArray());
    assertThat(again).isNotEqualTo(storedHash(first.username()));
  }

  private static void check(Row row, Caller caller) throws Exception {
    String endpoint = row.endpoint();
    Scene scene = Endpoints.changesData(endpoint) ? world.newScene() : world.shared;
    Account acting = caller.hasValidToken() ? world.account(caller, scene) : allowed(row, scene);
    Endpoints.Request request = Endpoints.request(endpoint, world, scene, caller, acting);
    String authorization = authorization(caller, acting);
    Client.Response response =
        world.client.send(
            request.method(), request.path(), request.body(), request.contentType(), authorization);

    assertThat(response.status())
        .as("%s %s as %s: %s", request.method(), request.path(), caller, response.body())
        .isEqualTo(row.status(caller));
    if (response.status() >= 400) {
      assertThat(response.contentType()).hasValue("application/problem+json");
    }
    if (response.status() == 401) {
      assertThat(response.challenge()).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
    }
    if (caller != Caller.THE_ATHLETE && caller != Caller.MANAGER_WITH_PERMISSION) {
      // Whatever the status, nothing of the subject comes back to a caller who may not see it.
      assertThat(response.body())
          .doesNotContain(scene.athlete.username())
          .doesNotContain(scene.athlete.externalId());
    }
    String recorded = scene.recordedActivityIfAny();
    if (recorded != null && caller != Caller.THE_ATHLETE && response.status() / 100 == 2) {
      // Recorded activities are their owner's alone: no manager permission opens them (a 404 may
      // echo the id the caller sent).
      assertThat(response.body()).as("the subject's recorded activity").doesNotContain(recorded);
    }
    if (caller == Caller.THE_ATHLETE && Endpoints.showsRecordedActivity(endpoint)) {
      assertThat(response.body()).as("the owner's recorded activity").contains(recorded);
    }
  }

  /** The account a forged token names: one the row lets in, so that only the token is wrong. */
  private static Account allowed(Row row, Scene scene) {
    for (Caller candidate :
        List.of(Caller.MANAGER_WITH_PERMISSION, Caller.THE_ATHLETE, Caller.ADMIN)) {
      if (row.status(candidate) / 100 == 2) {
        return world.account(candidate, scene);
      }
    }
    return world.managerWithPermission;
  }

  private static String authorization(Caller caller, Account acting) throws Exception {
    String token =
        switch (caller) {
          case NO_TOKEN -> null;
          case MALFORMED_TOKEN -> "not-a-jwt";
          case EXPIRED_TOKEN -> expiredTokens.issue(principal(acting)).accessToken();
          case WRONG_SIGNATURE -> foreignTokens.issue(principal(acting)).accessToken();
          default -> acting.token();
        };
    if (token == null) {
      return null;
    }
    world.rememberToken(token);
    return World.bearer(token);
  }

  /** The principal of a token as the stack issues it (role read from a token it issued). */
  private static Principal principal(Account account) throws Exception {
    SignedJWT issued = SignedJWT.parse(account.token());
    String role = issued.getJWTClaimsSet().getStringClaim("role");
    long id = Long.parseLong(issued.getJWTClaimsSet().getSubject());
    return new Principal(id, account.username(), role);
  }

  private static String storedHash(String username) throws Exception {
    try (Connection connection = stack.database().dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT password_hash FROM accounts WHERE username = ?")) {
      statement.setString(1, username);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as(username).isTrue();
        return rows.getString(1);
      }
    }
  }
}
