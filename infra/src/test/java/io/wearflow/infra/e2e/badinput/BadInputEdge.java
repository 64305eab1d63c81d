package io.wearflow.infra.e2e.badinput;

import io.javalin.Javalin;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.ActivityFileStore;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.DeviceStore;
import io.wearflow.connectors.postgres.SessionStore;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.http.HttpApp;
import io.wearflow.http.HttpConfig;
import io.wearflow.http.HttpDependencies;
import io.wearflow.http.activities.upload.ActivityFiles;
import io.wearflow.http.activities.upload.KafkaActivityPublisher;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.devices.Devices;
import io.wearflow.http.devices.KafkaTrackingPublisher;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.http.sessions.KafkaSessionPublisher;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;

/**
 * The HTTP edge wired as the local stack wires it (every store on PostgreSQL, samples, sessions,
 * tracking and uploaded activities published to Kafka with the registry's serializers), but on the
 * {@link SharedStack} with a database and topics of its own: whatever those topics hold was written
 * by the test that owns this edge. The admin account is created with {@link #ADMIN_PASSWORD}.
 */
final class BadInputEdge implements AutoCloseable {

  static final String ADMIN_USERNAME = LocalStack.ADMIN_USERNAME;

  /** This edge's activity upload limit, below the corpus's huge bodies. */
  static final long UPLOAD_LIMIT_BYTES = 5L * 1024 * 1024 / 2;

  static final String ADMIN_PASSWORD = "bad-input-admin-pw";

  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

  final Topic<Sample> samples;
  final Topic<Session> sessions;
  final Topic<TrackingFrame> tracking;
  final Topic<UploadedActivity> activities;
  final Topic<ActivityRecord> activityRecords;
  final String bootstrapServers;
  final SchemaRegistryClient registry;
  private final Database database;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Javalin app;

  BadInputEdge(SharedStack stack) {
    samples = stack.uniqueTopic(Topics.SAMPLES);
    sessions = stack.uniqueTopic(Topics.SESSIONS);
    tracking = stack.uniqueTopic(Topics.TRACKING);
    activities = stack.uniqueTopic(Topics.ACTIVITIES);
    activityRecords = stack.uniqueTopic(Topics.ACTIVITY_RECORDS);
    bootstrapServers = stack.bootstrapServers();
    registry = new SchemaRegistryClient(stack.registry());
    database = Database.connect(stack.newDatabase("bad_input"), 4);
    resources.add(database);
    PasswordHasher hasher = new PasswordHasher(4);
    new AccountStore(database.dataSource())
        .ensureAdmin(ADMIN_USERNAME, hasher.hash(ADMIN_PASSWORD));

    KafkaSamplePublisher samplePublisher =
        add(
            new KafkaSamplePublisher(
                bootstrapServers, samples.name(), serializer(samples), PUBLISH_TIMEOUT));
    KafkaSessionPublisher sessionPublisher =
        add(
            new KafkaSessionPublisher(
                bootstrapServers, sessions.name(), serializer(sessions), PUBLISH_TIMEOUT));
    KafkaTrackingPublisher trackingPublisher =
        add(
            new KafkaTrackingPublisher(
                bootstrapServers, tracking.name(), serializer(tracking), PUBLISH_TIMEOUT));
    KafkaActivityPublisher activityPublisher =
        add(
            new KafkaActivityPublisher(
                bootstrapServers,
                activityRecords.name(),
                serializer(activityRecords),
                activities.name(),
                serializer(activities),
                PUBLISH_TIMEOUT));
    byte[] tokenKey = new byte[32];
    new SecureRandom().nextBytes(tokenKey);
    HttpDependencies deps =
        HttpDependencies.of(
                database.dataSource(),
                samplePublisher,
                tokenKey,
                Clock.systemUTC(),
                HttpConfig.defaults()
                    .withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4))
                    // Uploads are limited to 32 MiB by default; the corpus's 3 MiB body must
                    // exceed this edge's upload limit without building 32 MiB requests.
                    .withLimits(
                        new HttpConfig.Limits(
                            HttpConfig.Limits.DEFAULT.maxRequestBytes(), UPLOAD_LIMIT_BYTES)))
            .withSessions(sessionPublisher, new SessionStore(database.dataSource())::list)
            .withDevices(Devices.of(new DeviceStore(database.dataSource())), trackingPublisher)
            .withActivityUploads(
                ActivityFiles.of(new ActivityFileStore(database.dataSource())), activityPublisher);
    app = HttpApp.create(deps).start("127.0.0.1", 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** The edge's database (for the activity job's rows, which no job writes here). */
  DataSource dataSource() {
    return database.dataSource();
  }

  /** The result of a {@code SELECT count(*) ...} on the edge's database. */
  long count(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private <V extends SpecificRecord> ConfluentAvroSerializer<V> serializer(Topic<V> topic) {
    return new ConfluentAvroSerializer<>(registry, topic.valueSubject(), topic.valueType());
  }

  private <T extends AutoCloseable> T add(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void close() {
    app.stop();
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // best effort at the end of a test
      }
    }
  }
}
