package io.wearflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.auth.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Response;

/**
 * One edge with in-memory accounts, days and time zones and a recording publisher, for functional
 * tests.
 */
final class EdgeFixture {

  static final Instant NOW = Instant.parse("2023-11-02T10:00:00Z");
  static final byte[] KEY =
      "functional-test key, thirty-two bytes+".getBytes(StandardCharsets.UTF_8);
  static final long MAX_REQUEST_BYTES = 16 * 1024;
  static final String PASSWORD = "correct horse battery";

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final InMemoryAccounts accounts = new InMemoryAccounts();
  final RecordingSamplePublisher publisher = new RecordingSamplePublisher();
  final InMemoryUserDays days = new InMemoryUserDays();
  final InMemoryTimeZones timeZones = new InMemoryTimeZones();
  final TokenService tokens = new TokenService(KEY, Duration.ofHours(1), clock);
  final PasswordHasher passwords = new PasswordHasher(4);
  final ObjectMapper json = new ObjectMapper();
  long maxRequestBytes = MAX_REQUEST_BYTES;

  Javalin app() {
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(new HttpConfig.Limits(maxRequestBytes))
            .withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    return HttpApp.create(
        new HttpDependencies(
            accounts, days, timeZones, publisher, tokens, passwords, clock, config));
  }

  Account athlete(String username) {
    return accounts.create(
        new NewAccount(
            username,
            username + "@example.com",
            null,
            Role.ATHLETE,
            passwords.hash(PASSWORD),
            null,
            null));
  }

  String tokenFor(Account account) {
    return tokens
        .issue(new Principal(account.id(), account.username(), account.role().dbValue()))
        .accessToken();
  }

  JsonNode body(Response response) throws IOException {
    return json.readTree(response.body().string());
  }
}
