package io.wearflow.jobs.userday;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.wearflow.jobs.JobOptions;
import io.wearflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The settings of the user-day job in cluster mode, read by {@link
 * UserDayJob#fromConfiguration(org.apache.flink.configuration.Configuration)}. The defaults suit a
 * single machine; a wrong value stops start-up with a message naming its key.
 */
public final class UserDayJobOptions {

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      key("wearflow.kafka.bootstrap-servers")
          .stringType()
          .defaultValue("localhost:9092")
          .withDescription("Kafka brokers, host:port[,host:port...].");

  public static final ConfigOption<String> SAMPLES_TOPIC =
      key("wearflow.user-day.samples-topic")
          .stringType()
          .defaultValue(Topics.SAMPLES.name())
          .withDescription("Topic of the samples the job aggregates.");

  public static final ConfigOption<String> CONSUMER_GROUP =
      key("wearflow.user-day.consumer-group")
          .stringType()
          .defaultValue(UserDayJob.NAME)
          .withDescription(
              "Kafka consumer group the job commits its offsets to (for monitoring; the job"
                  + " restores its offsets from checkpoints).");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("wearflow.user-day.dead-letters-topic")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS.name())
          .withDescription("Topic the records the job cannot read or aggregate go to.");

  public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
      key("wearflow.schema-registry.url")
          .stringType()
          .defaultValue("http://localhost:8081/apis/ccompat/v7")
          .withDescription("Base URL of the Confluent-compatible schema registry API.");

  public static final ConfigOption<String> JDBC_URL =
      key("wearflow.jdbc.url")
          .stringType()
          .defaultValue("jdbc:postgresql://localhost:5432/wearflow")
          .withDescription("PostgreSQL JDBC URL of the database holding the user_day table.");

  public static final ConfigOption<String> JDBC_USER =
      key("wearflow.jdbc.user")
          .stringType()
          .defaultValue("wearflow")
          .withDescription("PostgreSQL user.");

  public static final ConfigOption<String> JDBC_PASSWORD =
      key("wearflow.jdbc.password")
          .stringType()
          .noDefaultValue()
          .withDescription("PostgreSQL password; none when unset.");

  public static final ConfigOption<String> EXPORTS_BASE_DIR =
      key("wearflow.exports.base-dir")
          .stringType()
          .defaultValue("data/exports")
          .withDescription(
              "Base directory or URI of the Parquet exports (file:///..., s3://...); the job"
                  + " writes samples under <base>/samples/date=YYYY-MM-DD/ and user-days under"
                  + " <base>/user_days/date=YYYY-MM-DD/. A path without a scheme is resolved"
                  + " against the working directory.");

  public static final ConfigOption<Duration> EMIT_INTERVAL =
      key("wearflow.user-day.emit-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription(
              "How long a changed user-day waits before it is published; the changes of that"
                  + " time are published together (a busy day is published once per interval).");

  public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
      key("wearflow.user-day.sink.max-buffered-rows")
          .intType()
          .defaultValue(1000)
          .withDescription(
              "User-day rows (distinct user and day) the table sink buffers before it upserts.");

  public static final ConfigOption<Duration> SINK_FLUSH_INTERVAL =
      key("wearflow.user-day.sink.flush-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Longest time a changed user-day row waits in the table sink.");

  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private UserDayJobOptions() {}

  /** The URI of {@code dataset} under {@link #EXPORTS_BASE_DIR}. */
  public static String exportUri(ReadableConfig config, String dataset) {
    String base = JobOptions.text(config, EXPORTS_BASE_DIR);
    if (!URI_SCHEME.matcher(base).matches()) {
      base = Path.of(base).toAbsolutePath().normalize().toUri().toString();
    }
    return (base.endsWith("/") ? base : base + "/") + dataset;
  }
}
