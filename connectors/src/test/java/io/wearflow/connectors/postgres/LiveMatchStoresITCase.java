package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ActivityStore}, {@link TimeframeStore} and {@link ComputedDataStore} against a real
 * PostgreSQL with the project's migrations, including the V5 triggers' effects the edge relies on
 * (outbox rows, versions, webhook deliveries).
 */
class LiveMatchStoresITCase {

  private static final long ACTIVITY_SCHEMA = 1;
  private static final long TIMEFRAME_SCHEMA = 2;
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final Instant T1 = Instant.parse("2024-03-01T13:30:00Z");
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Database database;
  private static AccountStore accounts;
  private static ActivityStore activities;
  private static TimeframeStore timeframes;
  private static ComputedDataStore computed;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("live_matches");
    accounts = new AccountStore(database.dataSource());
    activities = new ActivityStore(database.dataSource());
    timeframes = new TimeframeStore(database.dataSource());
    computed = new ComputedDataStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void activityIsCreatedReadUpdatedAndDeleted() {
    long coach = account(Role.MANAGER);

    Activity created =
        activities.create(
            new NewActivity("Final", "{\"sport\": \"soccer\"}", ACTIVITY_SCHEMA, coach));
    Optional<Activity> updated =
        activities.update(
            created.id(),
            new NewActivity("Final 2024", "{\"sport\": \"biking\"}", ACTIVITY_SCHEMA, coach));

    assertThat(created.name()).isEqualTo("Final");
    assertThat(created.json()).isEqualTo("{\"sport\": \"soccer\"}");
    assertThat(activities.findById(created.id())).isEqualTo(updated);
    assertThat(updated.orElseThrow().name()).isEqualTo("Final 2024");
    assertThat(updated.orElseThrow().json()).isEqualTo("{\"sport\": \"biking\"}");
    assertThat(activities.update(created.id() + 1000, updated.orElseThrow().toNew())).isEmpty();
    assertThat(activities.delete(created.id())).isTrue();
    assertThat(activities.delete(created.id())).isFalse();
    assertThat(activities.findById(created.id())).isEmpty();
  }

  @Test
  void activitiesListOnlyTheViewersFilteredOrderedAndPaged() {
    long coach = account(Role.MANAGER);
    long other = account(Role.MANAGER);
    Activity b = activity(coach, "Beta cup", "{\"venue\": \"Stade de la Tuiliere\"}");
    Activity a = activity(coach, "alpha league", "{}");
    Activity c = activity(coach, "Gamma Cup", "{}");
    activity(other, "Delta cup", "{}");

    ActivityStore.Filter all = new ActivityStore.Filter(coach, null, null, null);
    assertThat(activities.list(all, "name", false, 0, 10)).containsExactly(a, b, c);
    assertThat(activities.list(all, "name", true, 1, 1)).containsExactly(b);
    assertThat(activities.count(all)).isEqualTo(3);
    ActivityStore.Filter cups = new ActivityStore.Filter(coach, null, "CUP", null);
    assertThat(activities.list(cups, "id", false, 0, 10)).containsExactly(b, c);
    ActivityStore.Filter venue = new ActivityStore.Filter(coach, "tuiliere", null, null);
    assertThat(activities.list(venue, "id", false, 0, 10)).containsExactly(b);
    ActivityStore.Filter ofOther = new ActivityStore.Filter(coach, null, null, other);
    assertThat(activities.count(ofOther)).isZero();
  }

  @Test
  void timeframeChangesReachTheOutboxWithRisingVersionsAndATombstone() throws SQLException {
    long coach = account(Role.MANAGER);
    long athlete = account(Role.ATHLETE);
    long device = device(coach);

    Timeframe created = timeframes.create(timeframe(device, null, athlete, coach, "{}"));
    Timeframe updated =
        timeframes
            .update(created.id(), timeframe(device, null, athlete, coach, "{\"max_hr\": 190}"))
            .orElseThrow();
    boolean deleted = timeframes.delete(created.id());

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.startTime()).isEqualTo(T0);
    assertThat(created.endTime()).isEqualTo(T1);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.params()).isEqualTo("{\"max_hr\": 190}");
    assertThat(deleted).isTrue();
    assertThat(timeframes.findById(created.id())).isEmpty();
    assertThat(outbox(created.id()))
        .containsExactly("UPSERT 1 {}", "UPSERT 2 {\"max_hr\": 190}", "DELETE 3 null");
  }

  @Test
  void activityUpdateRaisesItsTimeframesVersionsAndNotifiesItsWebhook() throws SQLException {
    long coach = account(Role.MANAGER);
    long athlete = account(Role.ATHLETE);
    long device = device(coach);
    Activity match = activity(coach, "Match", "{}");
    long webhook =
        insert(
            "INSERT INTO webhooks (activity_id, webhook_url, secret_token, activity_events,"
                + " timeframes_events) VALUES ("
                + match.id()
                + ", 'https://example.com/hook', 'secret', TRUE, TRUE) RETURNING id");
    Timeframe first = timeframes.create(timeframe(device, match.id(), athlete, coach, "{}"));
    Timeframe second = timeframes.create(timeframe(device, match.id(), athlete, coach, "{}"));

    activities.update(match.id(), new NewActivity("Match 2", "{}", ACTIVITY_SCHEMA, coach));

    assertThat(timeframes.findById(first.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(timeframes.findById(second.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(timeframes.ofActivity(match.id()))
        .extracting(Timeframe::id)
        .containsExactly(first.id(), second.id());
    assertThat(deliveries(webhook))
        .containsExactly(
            "timeframe.created",
            "timeframe.created",
            "timeframe.updated",
            "timeframe.updated",
            "activity.updated");
  }

  @Test
  void timeframesListOnlyTheViewersFilteredAndOrdered() {
    long coach = account(Role.MANAGER);
    long other = account(Role.MANAGER);
    long ana = account(Role.ATHLETE);
    long bo = account(Role.ATHLETE);
    long vest = device(coach);
    Activity match = activity(coach, "Match", "{}");
    Timeframe early =
        timeframes.create(
            new NewTimeframe(T0, T1, "{}", vest, match.id(), bo, coach, TIMEFRAME_SCHEMA));
    Timeframe late =
        timeframes.create(
            new NewTimeframe(
                T1, T1.plusSeconds(60), "{}", vest, null, ana, coach, TIMEFRAME_SCHEMA));
    timeframes.create(new NewTimeframe(T0, T1, "{}", device(other), null, ana, other, 2));

    TimeframeStore.Filter all = TimeframeStore.Filter.of(coach);
    assertThat(timeframes.list(all, "athlete", false, 0, 10)).containsExactly(late, early);
    assertThat(timeframes.list(all, "start_time", true, 0, 10)).containsExactly(late, early);
    assertThat(timeframes.list(all, "activity", false, 0, 10)).containsExactly(early, late);
    assertThat(timeframes.count(all)).isEqualTo(2);
    TimeframeStore.Filter startingLate =
        new TimeframeStore.Filter(coach, vest, null, null, null, T1, T1, null, null);
    assertThat(timeframes.list(startingLate, "id", false, 0, 10)).containsExactly(late);
    TimeframeStore.Filter ofMatch =
        new TimeframeStore.Filter(coach, null, null, null, match.id(), null, null, null, T1);
    assertThat(timeframes.list(ofMatch, "id", false, 0, 10)).containsExactly(early);
    assertThat(timeframes.device(vest).orElseThrow().ownerId()).isEqualTo(coach);
    assertThat(timeframes.device(vest + 1000)).isEmpty();
  }

  @Test
  void computedDataIsReadOnlyWhileItsTimeframeExists() throws SQLException {
    long coach = account(Role.MANAGER);
    long athlete = account(Role.ATHLETE);
    long device = device(coach);
    Timeframe done = timeframes.create(timeframe(device, null, athlete, coach, "{}"));
    Timeframe pending = timeframes.create(timeframe(device, null, athlete, coach, "{}"));
    insert(
        "INSERT INTO timeframe_computed_data (timeframe_id, timeframe_version, data, final,"
            + " computed_at) VALUES ("
            + done.id()
            + ", 1, '{\"total_distance\": 4070.5}', TRUE, '2024-03-01T13:31:00Z') RETURNING"
            + " timeframe_id");

    var latest = computed.latest(List.of(done.id(), pending.id(), pending.id() + 1000));

    assertThat(latest).containsOnlyKeys(done.id(), pending.id());
    ComputedData data = latest.get(done.id()).orElseThrow();
    assertThat(data.data()).isEqualTo("{\"total_distance\": 4070.5}");
    assertThat(data.isFinal()).isTrue();
    assertThat(data.timeframeVersion()).isEqualTo(1);
    assertThat(data.computedAt()).isEqualTo(Instant.parse("2024-03-01T13:31:00Z"));
    assertThat(latest.get(pending.id())).isEmpty();

    timeframes.delete(done.id());
    assertThat(computed.latest(List.of(done.id()))).isEmpty();
    assertThat(computed.latest(List.of())).isEmpty();
  }

  private static NewTimeframe timeframe(
      long device, Long activity, long athlete, long owner, String params) {
    return new NewTimeframe(T0, T1, params, device, activity, athlete, owner, TIMEFRAME_SCHEMA);
  }

  private static Activity activity(long owner, String name, String json) {
    return activities.create(new NewActivity(name, json, ACTIVITY_SCHEMA, owner));
  }

  private static long account(Role role) {
    String name = role.dbValue() + "-" + NAMES.incrementAndGet();
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, role, null, null, null))
        .id();
  }

  private static long device(long owner) {
    try {
      return insert(
          "INSERT INTO devices (owner_id, name) VALUES (" + owner + ", 'vest') RETURNING id");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long insert(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> outbox(long timeframeId) throws SQLException {
    return strings(
        "SELECT op || ' ' || version || ' ' || coalesce(params::text, 'null')"
            + " FROM timeframe_outbox WHERE timeframe_id = ? ORDER BY id",
        timeframeId);
  }

  private static List<String> deliveries(long webhookId) throws SQLException {
    return strings(
        "SELECT event FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id", webhookId);
  }

  private static List<String> strings(String sql, long parameter) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      List<String> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    }
  }
}
