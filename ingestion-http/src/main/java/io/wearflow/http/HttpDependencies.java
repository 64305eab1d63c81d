package io.wearflow.http;

import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.UserDayStore;
import io.wearflow.http.actigraphy.UserDays;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.auth.TokenService;
import io.wearflow.http.samples.SamplePublisher;
import java.time.Clock;
import java.util.Objects;

/**
 * What the handlers of {@link HttpApp} need. In production build it with {@link #of}; tests pass
 * their own {@link Accounts}/{@link UserDays} and {@link SamplePublisher}.
 *
 * @param accounts account reads and writes
 * @param userDays user-day reads
 * @param samplePublisher where accepted samples go (Kafka in production)
 * @param tokens issues and checks bearer tokens
 * @param passwords hashes and checks passwords
 * @param clock time of received samples and of token checks
 * @param config edge settings
 */
public record HttpDependencies(
    Accounts accounts,
    UserDays userDays,
    SamplePublisher samplePublisher,
    TokenService tokens,
    PasswordHasher passwords,
    Clock clock,
    HttpConfig config) {

  public HttpDependencies {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(userDays, "userDays");
    Objects.requireNonNull(samplePublisher, "samplePublisher");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(config, "config");
  }

  /**
   * The production wiring: the PostgreSQL stores, the Kafka publisher, and a token service and
   * password hasher built from {@code config} with the given signing key (at least 32 bytes).
   */
  public static HttpDependencies of(
      AccountStore accountStore,
      UserDayStore userDayStore,
      SamplePublisher samplePublisher,
      byte[] tokenKey,
      Clock clock,
      HttpConfig config) {
    return new HttpDependencies(
        Accounts.of(accountStore),
        userDayStore::findRange,
        samplePublisher,
        new TokenService(tokenKey, config.auth().tokenTtl(), clock),
        new PasswordHasher(config.auth().bcryptCost()),
        clock,
        config);
  }
}
