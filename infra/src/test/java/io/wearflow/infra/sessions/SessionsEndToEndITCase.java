package io.wearflow.infra.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.SessionStore;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.http.sessions.KafkaSessionPublisher;
import io.wearflow.infra.sessions.SessionsClient.Athlete;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.jobs.sessions.SessionsJob;
import io.wearflow.jobs.sessions.SessionsJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.sessions.Session;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions end to end on the shared stack (real Kafka, schema registry, PostgreSQL and Flink
 * MiniCluster): the HTTP edge started here as the local stack starts it, a PUT over HTTP, the
 * {@code sessions} topic, {@link SessionsJob}, the {@code sessions} table, and the list endpoint.
 * The topic, database and consumer group are this class's own.
 */
class SessionsEndToEndITCase {

  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final long T0 = Instant.parse("2023-11-01T07:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final String DAY =
      "startTime=2023-11-01T00:00:00Z&endTime=2023-11-01T23:59:59.999Z";

  private static SharedStack stack;
  private static Topic<Session> topic;
  private static String consumerGroup;
  private static PostgresConfig postgres;
  private static Database database;
  private static KafkaSessionPublisher publisher;
  private static Javalin app;
  private static JobID job;
  private static SessionsClient api;

  @BeforeAll
  static void start() throws Exception {
    stack = SharedStack.get();
    topic = stack.uniqueTopic(Topics.SESSIONS);
    consumerGroup = "sessions-" + topic.name();
    postgres = stack.newDatabase("sessions");

    Configuration options = new Configuration();
    options.set(SessionsJobOptions.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    options.set(SessionsJobOptions.SCHEMA_REGISTRY_URL, stack.registry().url());
    options.set(SessionsJobOptions.JDBC_URL, postgres.jdbcUrl());
    options.set(SessionsJobOptions.JDBC_USER, postgres.username());
    if (postgres.password() != null && !postgres.password().isEmpty()) {
      options.set(SessionsJobOptions.JDBC_PASSWORD, postgres.password());
    }
    options.set(SessionsJobOptions.SESSIONS_TOPIC, topic.name());
    options.set(SessionsJobOptions.CONSUMER_GROUP, consumerGroup);
    options.set(SessionsJobOptions.DEAD_LETTERS_TOPIC, stack.uniqueTopic("dead-letters"));
    SessionsJob sessionsJob = SessionsJob.fromConfiguration(options);
    job =
        stack
            .flink()
            .submit(
                SessionsJob.NAME + "-" + topic.name(),
                sessionsJob::addTo,
                stack.newDirectory("sessions-checkpoints"),
                Duration.ofMillis(500));

    database = Database.connect(postgres, 4);
    publisher =
        new KafkaSessionPublisher(
            stack.bootstrapServers(),
            topic.name(),
            new ConfluentAvroSerializer<>(
                new SchemaRegistryClient(stack.registry()), topic.valueSubject(), Session.class),
            Duration.ofSeconds(5));
    byte[] tokenKey = new byte[32];
    new SecureRandom().nextBytes(tokenKey);
    HttpDependencies deps =
        HttpDependencies.of(
                database.dataSource(),
                samples -> {
                  throw new KafkaUnavailableException("samples are not under test", null);
                },
                tokenKey,
                Clock.systemUTC(),
                HttpConfig.defaults().withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4)))
            .withSessions(publisher, new SessionStore(database.dataSource())::list);
    app = HttpApp.create(deps).start("127.0.0.1", 0);
    api = new SessionsClient("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
    if (job != null) {
      stack.flink().stop(job);
    }
    if (publisher != null) {
      publisher.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void putSessionIsListedAndALaterPutOfTheSameIdReplacesIt() throws Exception {
    Athlete alice = api.newAthlete("alice");
    long before = System.currentTimeMillis();
    JsonNode first =
        api.putAccepted(
            alice,
            "run-1",
            """
            {"id": "run-1", "name": "Morning run", "startTimeMillis": %d, "endTimeMillis": %d,
             "activityType": 8, "application": {"name": "Runner"}, "modifiedTimeMillis": 1}
            """
                .formatted(T0, T0 + 60 * MINUTE));
    long firstModified = first.get("modifiedTimeMillis").asLong();
    assertThat(firstModified).isBetween(before, System.currentTimeMillis());
    assertThat(first.get("name").asText()).isEqualTo("Morning run");

    eventually(
        () ->
            assertThat(api.list(alice, DAY))
                .isEqualTo(
                    SessionsClient.parse(
                        "{\"session\": ["
                            + first
                            + "], \"deletedSession\": [], \"hasMoreData\": false}")));

    Thread.sleep(5); // so that the second version's modification time is later
    JsonNode second =
        api.putAccepted(
            alice,
            "run-1",
            """
            {"name": "Long run", "startTimeMillis": %d, "endTimeMillis": %d,
             "activeTimeMillis": 5000000}
            """
                .formatted(T0, T0 + 90 * MINUTE));
    assertThat(second.get("modifiedTimeMillis").asLong()).isGreaterThan(firstModified);

    eventually(
        () -> {
          JsonNode listed = api.list(alice, DAY).get("session");
          assertThat(listed).hasSize(1);
          assertThat(listed.get(0)).isEqualTo(second);
        });
    assertThat(second.has("application")).isFalse();
    assertThat(rowCount(alice.id(), "run-1")).isEqualTo(1);
    // The topic keeps both versions, under one key (compaction keeps the last).
    assertThat(recordsOf(alice))
        .extracting(r -> r.key() + " " + r.value().getName())
        .containsExactly(alice.id() + "/run-1 Morning run", alice.id() + "/run-1 Long run");
  }

  @Test
  void olderVersionArrivingLateDoesNotReplaceTheStoredOne() throws Exception {
    Athlete bob = api.newAthlete("bob");
    JsonNode stored =
        api.putAccepted(
            bob,
            "swim",
            "{\"name\": \"Swim\", \"startTimeMillis\": %d, \"endTimeMillis\": %d}"
                .formatted(T0, T0 + 30 * MINUTE));
    eventually(() -> assertThat(api.list(bob, DAY).get("session")).hasSize(1));

    // A replayed or delayed version, modified a minute before the stored one.
    Session stale =
        Session.newBuilder()
            .setUserId(bob.id())
            .setSessionId("swim")
            .setName("stale")
            .setStartTime(Instant.ofEpochMilli(T0))
            .setEndTime(Instant.ofEpochMilli(T0 + 10 * MINUTE))
            .setModifiedTime(
                Instant.ofEpochMilli(stored.get("modifiedTimeMillis").asLong() - MINUTE))
            .build();
    produce(stale);
    awaitJobCaughtUp();

    assertThat(api.list(bob, DAY).get("session")).containsExactly(stored);
  }

  @Test
  void invalidRequestsAreRefusedAndWriteNothingToKafka() throws Exception {
    Athlete carol = api.newAthlete("carol");
    String valid = "{\"startTimeMillis\": %d, \"endTimeMillis\": %d}".formatted(T0, T0 + MINUTE);
    String path = SessionsClient.SESSIONS + "/walk";

    assertThat(status(carol, path, "{\"startTimeMillis\": 10, \"endTimeMillis\": 9}"))
        .isEqualTo(422);
    assertThat(status(carol, SessionsClient.SESSIONS + "/bad%20id", valid)).isEqualTo(422);
    assertThat(status(carol, path, "{\"id\": \"other\", " + valid.substring(1))).isEqualTo(422);
    assertThat(
            status(
                carol,
                path,
                "{\"startTimeMillis\": 0, \"endTimeMillis\": 1, \"activeTimeMillis\": 2}"))
        .isEqualTo(422);
    assertThat(status(carol, path, "{\"startTimeMillis\": 0,")).isEqualTo(400);
    assertThat(status(carol, "/fitness/v1/users/" + carol.id() + "/sessions/walk", valid))
        .isEqualTo(403);
    assertThat(api.send("PUT", path, "text/plain", valid, carol.token()).statusCode())
        .isEqualTo(415);
    JsonNode marker = api.putAccepted(carol, "marker", valid);

    // The marker was acknowledged after every refused request: reading up to the topic's end now
    // shows all that reached Kafka.
    assertThat(recordsOf(carol))
        .extracting(ConsumerRecord::key)
        .containsExactly(carol.id() + "/marker");
    eventually(() -> assertThat(api.list(carol, "").get("session")).containsExactly(marker));
  }

  private static int status(Athlete athlete, String path, String body) throws Exception {
    return api.put(athlete, path, body).statusCode();
  }

  private static long rowCount(long userId, String sessionId) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.username(), postgres.password());
        PreparedStatement statement =
            c.prepareStatement(
                "SELECT count(*) FROM sessions WHERE user_id = ? AND session_id = ?")) {
      statement.setLong(1, userId);
      statement.setString(2, sessionId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Writes a session straight to the topic, as the edge would. */
  private static void produce(Session session) throws Exception {
    ConfluentAvroSerializer<Session> serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(stack.registry()), topic.valueSubject(), Session.class);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic.name(), KafkaSessionPublisher.key(session), serializer.serialize(session)))
          .get();
    }
  }

  /** The records of {@code athlete}'s sessions now in the topic, in offset order per partition. */
  private static List<ConsumerRecord<String, Session>> recordsOf(Athlete athlete) {
    ConfluentAvroDeserializer<Session> deserializer =
        new ConfluentAvroDeserializer<>(new SchemaRegistryClient(stack.registry()), Session.class);
    List<ConsumerRecord<String, Session>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(topic.name(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("reading %s", topic.name()).isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key().startsWith(athlete.id() + "/")) {
            records.add(
                new ConsumerRecord<>(
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    r.key(),
                    deserializer.deserialize(r.value())));
          }
        }
      }
    }
    return records;
  }

  /**
   * Waits until the job's consumer group has committed the topic's current end. The Kafka source
   * commits on completed checkpoints, and the table sink writes its buffer before each checkpoint,
   * so every record now in the topic is then in the table.
   */
  private static void awaitJobCaughtUp() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic.name()))
              .allTopicNames()
              .get()
              .get(topic.name())
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic.name(), p.partition()))
              .toList();
      Map<TopicPartition, Long> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get()
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      eventually(
          () -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
            for (TopicPartition partition : partitions) {
              OffsetAndMetadata offset = committed.get(partition);
              assertThat(offset == null ? 0 : offset.offset())
                  .as("committed offset of %s", partition)
                  .isGreaterThanOrEqualTo(ends.get(partition));
            }
          });
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws Exception;
  }

  /** Runs {@code check} until it passes or {@link #TIMEOUT} expires, then throws its failure. */
  private static void eventually(Check check) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError | Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(150);
    }
  }
}
