package io.wearflow.infra.outbox;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.outbox.TimeframeOutboxRelay;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.DeviceStore;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.e2e.KafkaProbe;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The timeframe outbox relay against a real PostgreSQL (the V5 triggers fill the outbox), a real
 * Kafka broker and the Apicurio registry of the shared stack: every change of a timeframe reaches
 * the {@code timeframes} topic once, in commit order, a delete as a tombstone after every upsert,
 * and only the relay holding the advisory lock publishes.
 */
@ExtendWith(SharedStackExtension.class)
class TimeframeOutboxRelayITCase {

  private static final Instant START = Instant.parse("2024-05-01T18:00:00Z");
  private static final Instant END = Instant.parse("2024-05-01T18:45:00Z");
  private static final TimeframeOutboxRelay.Settings SETTINGS =
      new TimeframeOutboxRelay.Settings(
          Duration.ofMillis(50), 2, Duration.ofSeconds(10), Duration.ofSeconds(1));

  private final SharedStack stack;
  private final List<TimeframeOutboxRelay> relays = new ArrayList<>();
  private Database database;
  private Topic<TimeframeDefinition> topic;
  private long manager;
  private long athlete;
  private long device;

  TimeframeOutboxRelayITCase(SharedStack stack) {
    this.stack = stack;
  }

  @BeforeEach
  void setUp() {
    database = Database.connect(stack.newDatabase("outbox"), 6);
    topic = stack.uniqueTopic(Topics.TIMEFRAMES);
    AccountStore accounts = new AccountStore(database.dataSource());
    manager = accounts.create(account("coach", Role.MANAGER)).id();
    athlete = accounts.create(account("ana", Role.ATHLETE)).id();
    device =
        new DeviceStore(database.dataSource())
            .create(manager, new DeviceDetails("Vest", null, null))
            .id();
  }

  @AfterEach
  void tearDown() {
    relays.forEach(TimeframeOutboxRelay::close);
    database.close();
  }

  @Test
  void everyChangeIsPublishedOnceInOrderWithDeletesAsTombstones() throws Exception {
    long updated = insertTimeframe("{\"max_hr\": 190}");
    long deleted = insertTimeframe("{}");
    long untouched = insertTimeframe("{}");
    execute("UPDATE timeframes SET params = '{\"max_hr\": 185}' WHERE id = " + updated);
    execute(
        "UPDATE timeframes SET end_time = end_time + interval '2 minutes' WHERE id = " + updated);
    execute("DELETE FROM timeframes WHERE id = " + deleted);
    TimeframeOutboxRelay relay = relay();

    int total = 0;
    for (int sent = relay.relayOnce(); sent > 0; sent = relay.relayOnce()) {
      assertThat(sent).isLessThanOrEqualTo(SETTINGS.batchSize());
      total += sent;
    }

    assertThat(total).isEqualTo(6);
    assertThat(relay.publishedCount()).isEqualTo(6);
    assertThat(outboxSize()).isZero();
    Map<String, List<TimeframeDefinition>> byKey = publishedByKey();
    assertThat(byKey.keySet())
        .containsExactlyInAnyOrder(key(updated), key(deleted), key(untouched));
    assertThat(byKey.get(key(updated)))
        .containsExactly(
            definition(updated, 1, END, "{\"max_hr\": 190}"),
            definition(updated, 2, END, "{\"max_hr\": 185}"),
            definition(updated, 3, END.plusSeconds(120), "{\"max_hr\": 185}"));
    assertThat(byKey.get(key(deleted))).containsExactly(definition(deleted, 1, END, "{}"), null);
    assertThat(byKey.get(key(untouched))).containsExactly(definition(untouched, 1, END, "{}"));
  }

  @Test
  void onlyTheLockHolderRelaysAndAnotherTakesOverWhenItCloses() throws Exception {
    long first = insertTimeframe("{}");
    TimeframeOutboxRelay holder = relay();
    TimeframeOutboxRelay standby = relay();

    assertThat(holder.relayOnce()).isEqualTo(1);
    execute("UPDATE timeframes SET params = '{\"max_hr\": 180}' WHERE id = " + first);
    assertThat(standby.relayOnce()).isZero();
    assertThat(standby.holdsLock()).isFalse();
    assertThat(outboxSize()).isEqualTo(1);

    holder.close();
    assertThat(standby.relayOnce()).isEqualTo(1);

    assertThat(standby.holdsLock()).isTrue();
    assertThat(outboxSize()).isZero();
    assertThat(publishedByKey())
        .containsExactly(
            Map.entry(
                key(first),
                List.of(
                    definition(first, 1, END, "{}"),
                    definition(first, 2, END, "{\"max_hr\": 180}"))));
  }

  @Test
  void startedRelayPublishesCommittedChangesByItself() throws Exception {
    TimeframeOutboxRelay relay = relay();
    relay.start();

    long id = insertTimeframe("{}");
    execute("DELETE FROM timeframes WHERE id = " + id);

    assertThatEventually(
        () -> {
          assertThat(outboxSize()).isZero();
          assertThat(publishedByKey().get(key(id)))
              .containsExactly(definition(id, 1, END, "{}"), null);
        });
    assertThat(relay.publishedCount()).isEqualTo(2);
    assertThat(relay.failureCount()).isZero();
  }

  private TimeframeOutboxRelay relay() {
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.registry());
    TimeframeOutboxRelay relay =
        TimeframeOutboxRelay.create(
            database.dataSource(),
            stack.bootstrapServers(),
            topic.name(),
            new ConfluentAvroSerializer<>(
                registry, topic.valueSubject(), TimeframeDefinition.class),
            SETTINGS);
    relays.add(relay);
    return relay;
  }

  /** What the topic holds, per key in offset order (one key stays in one partition). */
  private Map<String, List<TimeframeDefinition>> publishedByKey() {
    ConfluentAvroDeserializer<TimeframeDefinition> deserializer =
        new ConfluentAvroDeserializer<>(
            new SchemaRegistryClient(stack.registry()), TimeframeDefinition.class);
    List<ConsumerRecord<byte[], TimeframeDefinition>> records =
        KafkaProbe.readAll(
            stack.bootstrapServers(),
            topic.name(),
            value -> value == null ? null : deserializer.deserialize(value));
    Map<String, List<TimeframeDefinition>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], TimeframeDefinition> record : records) {
      byKey
          .computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(record.value());
    }
    return byKey;
  }

  private TimeframeDefinition definition(long id, long version, Instant end, String params) {
    return new TimeframeDefinition(id, version, device, athlete, null, manager, START, end, params);
  }

  private long insertTimeframe(String params) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO timeframes (start_time, end_time, params, device_id, athlete_id,"
                    + " owner_id, json_schema) VALUES (?::timestamptz, ?::timestamptz, ?::jsonb,"
                    + " ?, ?, ?, 2) RETURNING id")) {
      statement.setString(1, START.toString());
      statement.setString(2, END.toString());
      statement.setString(3, params);
      statement.setLong(4, device);
      statement.setLong(5, athlete);
      statement.setLong(6, manager);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private long outboxSize() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM timeframe_outbox")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private DataSource dataSource() {
    return database.dataSource();
  }

  private static String key(long id) {
    return Long.toString(id);
  }

  private static NewAccount account(String name, Role role) {
    return new NewAccount(name, name + "@example.com", null, role, null, null, null);
  }
}
