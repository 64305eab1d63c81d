package io.wearflow.jobs.activity;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topics;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * The settings of the activity job in cluster mode, read by {@link
 * ActivityJob#fromConfiguration(org.apache.flink.configuration.Configuration)}. Kafka, the schema
 * registry, PostgreSQL and the exports directory are the same options (same keys) as the other
 * jobs'. A wrong value stops start-up with a message naming its key.
 */
public final class ActivityJobOptions {

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS;

  public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
      UserDayJobOptions.SCHEMA_REGISTRY_URL;

  public static final ConfigOption<String> JDBC_URL = UserDayJobOptions.JDBC_URL;

  public static final ConfigOption<String> JDBC_USER = UserDayJobOptions.JDBC_USER;

  public static final ConfigOption<String> JDBC_PASSWORD = UserDayJobOptions.JDBC_PASSWORD;

  public static final ConfigOption<String> EXPORTS_BASE_DIR = UserDayJobOptions.EXPORTS_BASE_DIR;

  public static final ConfigOption<String> RECORDS_TOPIC =
      key("wearflow.activity.records-topic")
          .stringType()
          .defaultValue(Topics.ACTIVITY_RECORDS.name())
          .withDescription("Topic of the uploaded activities' records, keyed by activity id.");

  public static final ConfigOption<String> ACTIVITIES_TOPIC =
      key("wearflow.activity.activities-topic")
          .stringType()
          .defaultValue(Topics.ACTIVITIES.name())
          .withDescription("Topic of the uploaded activities' metadata, keyed by activity id.");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("wearflow.activity.dead-letters-topic")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS.name())
          .withDescription("Topic the records the job cannot read or analyse go to.");

  public static final ConfigOption<String> CONSUMER_GROUP =
      key("wearflow.activity.consumer-group")
          .stringType()
          .defaultValue(ActivityJob.NAME)
          .withDescription(
              "Kafka consumer group the job commits its offsets of both topics to (for"
                  + " monitoring; the job restores its offsets from checkpoints).");

  public static final ConfigOption<Duration> INCOMPLETE_TIMEOUT =
      key("wearflow.activity.incomplete-timeout")
          .durationType()
          .defaultValue(Duration.ofHours(24))
          .withDescription(
              "How long the records of an activity that never completes (no metadata, or fewer"
                  + " records than announced: an upload that failed half-way) are kept before"
                  + " they are dropped; uploading the file again publishes it again.");

  public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
      key("wearflow.activity.sink.max-buffered-rows")
          .intType()
          .defaultValue(20)
          .withDescription(
              "Activities the table sink buffers before it upserts (each carries its series and"
                  + " curves: about 300 KB per hour of activity).");

  public static final ConfigOption<Duration> SINK_FLUSH_INTERVAL =
      key("wearflow.activity.sink.flush-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Longest time an analysed activity waits in the table sink.");

  private ActivityJobOptions() {}
}
