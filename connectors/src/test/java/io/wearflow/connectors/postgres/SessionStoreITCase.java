package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.postgres.SessionStore.Position;
import io.wearflow.schemas.sessions.Application;
import io.wearflow.schemas.sessions.Session;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SessionStore} against a real PostgreSQL with the project's migrations. */
class SessionStoreITCase {

  private static final AtomicLong USERS = new AtomicLong(1000);

  private static Database database;
  private static SessionStore store;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("sessions");
    store = new SessionStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void storedSessionReadsBackWithEveryField() {
    long user = USERS.incrementAndGet();
    Session run =
        session(user, "run-1", "07:00", "08:00", "08:01")
            .setName("Morning run")
            .setDescription("Intervals, 6 x 400 m")
            .setApplication(
                Application.newBuilder()
                    .setPackageName("com.example.runner")
                    .setVersion("1.2")
                    .setDetailsUrl("https://example.com/runner")
                    .setName("Runner")
                    .build())
            .setActivityType(8)
            .setActiveTimeMillis(3_000_000L)
            .build();
    Session bare = session(user, "bare", "09:00", "09:00", "09:01").build();

    assertThat(store.upsert(List.of(run, bare))).isEqualTo(2);

    assertThat(store.find(user, "run-1")).contains(run);
    assertThat(store.find(user, "bare")).contains(bare);
    assertThat(store.find(user, "missing")).isEmpty();
    assertThat(store.find(user + 1, "run-1")).isEmpty();
  }

  @Test
  void lastModificationWinsWhateverTheOrderOfWrites() {
    long user = USERS.incrementAndGet();
    Session first = session(user, "s", "07:00", "08:00", "08:01").setName("first").build();
    Session second = session(user, "s", "07:00", "08:30", "08:35").setName("second").build();

    assertThat(store.upsert(List.of(second))).isEqualTo(1);
    // An older version arriving late (a replay, or out of order) changes nothing.
    assertThat(store.upsert(List.of(first))).isZero();
    assertThat(store.find(user, "s")).contains(second);

    Session third = session(user, "s", "07:05", "08:30", "08:40").setName("third").build();
    assertThat(store.upsert(List.of(third))).isEqualTo(1);
    assertThat(store.find(user, "s")).contains(third);
  }

  @Test
  void versionWithTheSameModificationTimeReplacesTheStoredOne() {
    long user = USERS.incrementAndGet();
    Session stored = session(user, "s", "07:00", "08:00", "08:01").setName("a").build();
    Session replay = session(user, "s", "07:00", "08:00", "08:01").setName("b").build();
    store.upsert(List.of(stored));

    assertThat(store.upsert(List.of(replay))).isEqualTo(1);
    assertThat(store.find(user, "s")).contains(replay);
  }

  @Test
  void listsTheSessionsOverlappingTheRangeBothEndsIncluded() {
    long user = USERS.incrementAndGet();
    Session endsBefore = session(user, "a-ends-before", "06:00", "06:59:59.999", "12:00").build();
    Session endsAtFrom = session(user, "b-ends-at-from", "06:00", "07:00", "12:00").build();
    Session inside = session(user, "c-inside", "07:30", "08:00", "12:00").build();
    Session spanning = session(user, "d-spanning", "06:30", "09:30", "12:00").build();
    Session startsAtTo = session(user, "e-starts-at-to", "09:00", "10:00", "12:00").build();
    Session startsAfter = session(user, "f-starts-after", "09:00:00.001", "10:00", "12:00").build();
    Session otherUser = session(user + 1, "c-inside", "07:30", "08:00", "12:00").build();
    store.upsert(
        List.of(endsBefore, endsAtFrom, inside, spanning, startsAtTo, startsAfter, otherUser));

    assertThat(store.list(user, at("07:00"), at("09:00"), null, 100))
        .containsExactly(endsAtFrom, spanning, inside, startsAtTo);
    assertThat(store.list(user, null, at("06:30"), null, 100))
        .containsExactly(endsBefore, endsAtFrom, spanning);
    assertThat(store.list(user, at("09:30"), null, null, 100))
        .containsExactly(spanning, startsAtTo, startsAfter);
    assertThat(store.list(user, null, null, null, 100)).hasSize(6);
  }

  @Test
  void pagesFollowStartTimeThenSessionId() {
    long user = USERS.incrementAndGet();
    Session a = session(user, "a", "07:00", "07:10", "12:00").build();
    Session b = session(user, "b", "07:00", "07:10", "12:00").build();
    Session c = session(user, "c", "06:00", "07:10", "12:00").build();
    Session d = session(user, "d", "08:00", "08:10", "12:00").build();
    store.upsert(List.of(a, b, c, d));

    List<Session> first = store.list(user, null, null, null, 2);
    List<Session> second = store.list(user, null, null, Position.of(first.get(1)), 2);
    List<Session> third = store.list(user, null, null, Position.of(second.get(1)), 2);

    assertThat(first).containsExactly(c, a);
    assertThat(second).containsExactly(b, d);
    assertThat(third).isEmpty();
  }

  @Test
  void limitMustBeWithinBounds() {
    assertThatThrownBy(() -> store.list(1, null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 10000: 0");
  }

  private static Instant at(String time) {
    return Instant.parse("2023-11-01T" + time + (time.length() == 5 ? ":00Z" : "Z"));
  }

  private static Session.Builder session(
      long user, String id, String start, String end, String modified) {
    return Session.newBuilder()
        .setUserId(user)
        .setSessionId(id)
        .setStartTime(at(start))
        .setEndTime(at(end))
        .setModifiedTime(at(modified));
  }
}
