package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link IdempotencyStore} against a real PostgreSQL with the project's migrations. */
class IdempotencyStoreITCase {

  private static final Duration RETENTION = Duration.ofHours(24);
  private static final byte[] FINGERPRINT = {1, 2, 3};
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static Database database;
  private static IdempotencyStore store;
  private static AccountStore accounts;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("idempotency");
    store = new IdempotencyStore(database.dataSource());
    accounts = new AccountStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void firstClaimWinsAndTheCompletedResponseIsKept() {
    long user = athlete("claims");

    assertThat(store.begin(user, "k1", FINGERPRINT, NOW, NOW.minus(RETENTION))).isTrue();
    assertThat(store.begin(user, "k1", new byte[] {9}, NOW, NOW.minus(RETENTION))).isFalse();
    assertThat(store.find(user, "k1", NOW.minus(RETENTION)).orElseThrow().completed()).isFalse();

    store.complete(user, "k1", 201, "application/json", "/x/1", bytes("{\"accepted\":3}"), NOW);

    IdempotencyRecord stored = store.find(user, "k1", NOW.minus(RETENTION)).orElseThrow();
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.fingerprint()).isEqualTo(FINGERPRINT);
    assertThat(stored.contentType()).isEqualTo("application/json");
    assertThat(stored.location()).isEqualTo("/x/1");
    assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("{\"accepted\":3}");
    assertThat(stored.createdAt()).isEqualTo(NOW);
  }

  @Test
  void keysAreScopedPerAccount() {
    long first = athlete("scoped-1");
    long second = athlete("scoped-2");

    assertThat(store.begin(first, "same", FINGERPRINT, NOW, NOW.minus(RETENTION))).isTrue();
    assertThat(store.begin(second, "same", FINGERPRINT, NOW, NOW.minus(RETENTION))).isTrue();
  }

  @Test
  void anAbandonedKeyCanBeClaimedAgainButACompletedOneCannotBeAbandoned() {
    long user = athlete("abandons");
    store.begin(user, "retry", FINGERPRINT, NOW, NOW.minus(RETENTION));

    store.abandon(user, "retry");
    assertThat(store.find(user, "retry", NOW.minus(RETENTION))).isEmpty();
    assertThat(store.begin(user, "retry", FINGERPRINT, NOW, NOW.minus(RETENTION))).isTrue();

    store.complete(user, "retry", 200, null, null, new byte[0], NOW);
    store.abandon(user, "retry");
    assertThat(store.find(user, "retry", NOW.minus(RETENTION))).isPresent();
  }

  @Test
  void recordsOlderThanTheRetentionAreAbsentReclaimableAndPurged() {
    long user = athlete("old");
    Instant old = NOW.minus(RETENTION).minusSeconds(1);
    store.begin(user, "old", FINGERPRINT, old, old.minus(RETENTION));
    store.complete(user, "old", 201, null, null, bytes("{}"), old);

    assertThat(store.find(user, "old", NOW.minus(RETENTION))).isEmpty();
    assertThat(store.begin(user, "old", new byte[] {7}, NOW, NOW.minus(RETENTION))).isTrue();
    assertThat(store.find(user, "old", NOW.minus(RETENTION)).orElseThrow().fingerprint())
        .isEqualTo(new byte[] {7});

    store.begin(user, "older", FINGERPRINT, old, old.minus(RETENTION));
    assertThat(store.purgeOlderThan(NOW.minus(RETENTION))).isGreaterThanOrEqualTo(1);
    assertThat(store.find(user, "older", Instant.EPOCH)).isEmpty();
    assertThat(store.find(user, "old", Instant.EPOCH)).isPresent();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static long athlete(String username) {
    return accounts
        .create(new NewAccount(username, null, null, Role.ATHLETE, null, null, null))
        .id();
  }
}
