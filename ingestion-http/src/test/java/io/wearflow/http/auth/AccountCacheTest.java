package io.wearflow.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccountCacheTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Instant CREATED = Instant.parse("2023-11-01T00:00:00Z");

  private final Map<Long, Account> stored = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final Accounts source = accounts();
  private final AccountCache cache = new AccountCache(source, TTL, 16, nanos::get);

  @Test
  void lookupIsReusedWithinTheTtlAndReadAgainAfterIt() {
    store(account(7, "ana"));

    assertThat(cache.findById(7)).contains(account(7, "ana"));
    nanos.addAndGet(TTL.toNanos() - 1);
    assertThat(cache.findById(7)).contains(account(7, "ana"));
    assertThat(reads).hasValue(1);

    nanos.addAndGet(1);
    assertThat(cache.findById(7)).contains(account(7, "ana"));
    assertThat(reads).hasValue(2);
  }

  @Test
  void accountDeletedElsewhereIsGoneOnceTheTtlHasPassed() {
    store(account(7, "ana"));
    assertThat(cache.findById(7)).isPresent();

    stored.remove(7L); // another edge instance deleted it
    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(cache.findById(7)).as("within the TTL").isPresent();
    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(cache.findById(7)).isEmpty();
  }

  @Test
  void deletionThroughTheInvalidatingAccountsAppliesAtOnce() {
    store(account(7, "ana"));
    assertThat(cache.findById(7)).isPresent();

    assertThat(cache.invalidating().deleteAthlete(7)).isTrue();

    assertThat(cache.findById(7)).isEmpty();
  }

  @Test
  void updateThroughTheInvalidatingAccountsAppliesAtOnce() {
    store(account(7, "ana"));
    assertThat(cache.findById(7).orElseThrow().username()).isEqualTo("ana");

    cache.invalidating().updateAthlete(7, "ana2", "ana2@example.com", null, null);

    assertThat(cache.findById(7).orElseThrow().username()).isEqualTo("ana2");
  }

  @Test
  void absentAccountIsRememberedUntilCreatedThroughTheInvalidatingAccounts() {
    assertThat(cache.findById(1)).isEmpty();
    assertThat(cache.findById(1)).isEmpty();
    assertThat(reads).hasValue(1);

    Account created =
        cache
            .invalidating()
            .create(new NewAccount("bo", "bo@example.com", null, Role.MANAGER, null, null, null));

    assertThat(created.id()).isEqualTo(1);
    assertThat(cache.findById(1)).contains(created);
  }

  @Test
  void passwordChangeAlsoForgetsTheAccount() {
    store(account(7, "ana"));
    cache.findById(7);

    cache.invalidating().setPasswordHash(7, "$2b$04$hash");
    cache.findById(7);

    assertThat(reads).hasValue(2);
  }

  @Test
  void atMostTheBoundIsRemembered() {
    for (long id = 1; id <= 100; id++) {
      store(account(id, "user" + id));
      assertThat(cache.findById(id)).isPresent();
      assertThat(cache.size()).isLessThanOrEqualTo(16);
    }
  }

  private void store(Account account) {
    stored.put(account.id(), account);
  }

  private static Account account(long id, String username) {
    return new Account(
        id, username, username + "@example.com", null, Role.ATHLETE, null, null, CREATED);
  }

  /** The account port over {@link #stored}: reads counted, the writes the cache cares about. */
  private Accounts accounts() {
    AtomicLong ids = new AtomicLong();
    return (Accounts)
        Proxy.newProxyInstance(
            Accounts.class.getClassLoader(),
            new Class<?>[] {Accounts.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "findById" -> {
                    reads.incrementAndGet();
                    yield Optional.ofNullable(stored.get((Long) args[0]));
                  }
                  case "deleteAthlete" -> stored.remove((Long) args[0]) != null;
                  case "updateAthlete" -> {
                    Account old = stored.get((Long) args[0]);
                    Account updated =
                        new Account(
                            old.id(),
                            (String) args[1],
                            (String) args[2],
                            (String) args[3],
                            old.role(),
                            old.managedBy(),
                            (String) args[4],
                            old.createdAt());
                    stored.put(old.id(), updated);
                    yield Optional.of(updated);
                  }
                  case "create" -> {
                    NewAccount fresh = (NewAccount) args[0];
                    Account created =
                        new Account(
                            ids.incrementAndGet(),
                            fresh.username(),
                            fresh.email(),
                            fresh.externalId(),
                            fresh.role(),
                            fresh.managedBy(),
                            fresh.athleteProfileJson(),
                            CREATED);
                    stored.put(created.id(), created);
                    yield created;
                  }
                  case "setPasswordHash" -> stored.containsKey((Long) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
