package io.wearflow.jobs.sessions;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topics;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * The settings of the sessions job in cluster mode, read by {@link
 * SessionsJob#fromConfiguration(org.apache.flink.configuration.Configuration)}. Kafka, the schema
 * registry and PostgreSQL are the same options (same keys) as the user-day job's, so one
 * configuration serves both jobs. A wrong value stops start-up with a message naming its key.
 */
public final class SessionsJobOptions {

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS;

  public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
      UserDayJobOptions.SCHEMA_REGISTRY_URL;

  public static final ConfigOption<String> JDBC_URL = UserDayJobOptions.JDBC_URL;

  public static final ConfigOption<String> JDBC_USER = UserDayJobOptions.JDBC_USER;

  public static final ConfigOption<String> JDBC_PASSWORD = UserDayJobOptions.JDBC_PASSWORD;

  public static final ConfigOption<String> SESSIONS_TOPIC =
      key("wearflow.sessions.sessions-topic")
          .stringType()
          .defaultValue(Topics.SESSIONS.name())
          .withDescription("Topic of the session upserts the job stores.");

  public static final ConfigOption<String> CONSUMER_GROUP =
      key("wearflow.sessions.consumer-group")
          .stringType()
          .defaultValue(SessionsJob.NAME)
          .withDescription(
              "Kafka consumer group the job commits its offsets to (for monitoring; the job"
                  + " restores its offsets from checkpoints).");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("wearflow.sessions.dead-letters-topic")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS.name())
          .withDescription("Topic the records the job cannot read or store go to.");

  public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
      key("wearflow.sessions.sink.max-buffered-rows")
          .intType()
          .defaultValue(1000)
          .withDescription("Sessions (distinct user and session id) the sink buffers.");

  public static final ConfigOption<Duration> SINK_FLUSH_INTERVAL =
      key("wearflow.sessions.sink.flush-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(500))
          .withDescription(
              "Longest time a session waits in the table sink before it is written (and becomes"
                  + " visible to GET /fitness/v1/users/me/sessions).");

  private SessionsJobOptions() {}
}
