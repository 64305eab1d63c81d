package io.wearflow.jobs.timeframe;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topics;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * The settings of the timeframe job in cluster mode, read by {@link
 * TimeframeJob#fromConfiguration(org.apache.flink.configuration.Configuration)}. Kafka, the schema
 * registry and PostgreSQL are the same options (same keys) as the other jobs'. A wrong value stops
 * start-up with a message naming its key.
 */
public final class TimeframeJobOptions {

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS;

  public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
      UserDayJobOptions.SCHEMA_REGISTRY_URL;

  public static final ConfigOption<String> JDBC_URL = UserDayJobOptions.JDBC_URL;

  public static final ConfigOption<String> JDBC_USER = UserDayJobOptions.JDBC_USER;

  public static final ConfigOption<String> JDBC_PASSWORD = UserDayJobOptions.JDBC_PASSWORD;

  public static final ConfigOption<String> TRACKING_TOPIC =
      key("wearflow.timeframe.tracking-topic")
          .stringType()
          .defaultValue(Topics.TRACKING.name())
          .withDescription("Topic of the tracking frames, keyed by device id.");

  public static final ConfigOption<String> TIMEFRAMES_TOPIC =
      key("wearflow.timeframe.timeframes-topic")
          .stringType()
          .defaultValue(Topics.TIMEFRAMES.name())
          .withDescription(
              "Compacted topic of the timeframe definitions (tombstone on delete), keyed by"
                  + " timeframe id.");

  public static final ConfigOption<String> COMPUTED_DATA_TOPIC =
      key("wearflow.timeframe.computed-data-topic")
          .stringType()
          .defaultValue(Topics.COMPUTED_DATA.name())
          .withDescription("Topic the computed-data snapshots are published to.");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("wearflow.timeframe.dead-letters-topic")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS.name())
          .withDescription("Topic the records the job cannot read go to.");

  public static final ConfigOption<String> CONSUMER_GROUP =
      key("wearflow.timeframe.consumer-group")
          .stringType()
          .defaultValue(TimeframeJob.NAME)
          .withDescription(
              "Kafka consumer group the job commits its offsets of both topics to (for"
                  + " monitoring; the job restores its offsets from checkpoints).");

  public static final ConfigOption<Duration> EMIT_INTERVAL =
      key("wearflow.timeframe.emit-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(50))
          .withDescription(
              "How long a changed timeframe waits before it is published; the changes of that"
                  + " time are published together. It bounds the live latency from a frame's"
                  + " accept to readable computed data (target p50 100 ms, p99 250 ms); devices"
                  + " that post every 100-200 ms are published once per post, and a large"
                  + " deployment whose devices post every frame may raise it to cut table writes.");

  public static final ConfigOption<Duration> NETWORK_FLUSH_INTERVAL =
      key("wearflow.timeframe.network-flush-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(5))
          .withDescription(
              "Longest time a frame or a routed timeframe waits in a network buffer between the"
                  + " job's operators (Flink's buffer timeout, 100 ms by default, which alone"
                  + " would add up to 100 ms to the live latency at every shuffle).");

  public static final ConfigOption<Duration> ALLOWED_LATENESS =
      key("wearflow.timeframe.allowed-lateness")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .withDescription(
              "How long after a timeframe's end (in the device's frame time or wall-clock time)"
                  + " its computed data is published as final. Frames arriving later still"
                  + " update it.");

  public static final ConfigOption<Duration> FRAME_RETENTION =
      key("wearflow.timeframe.frame-retention")
          .durationType()
          .defaultValue(Duration.ofHours(3))
          .withDescription(
              "Frame time kept per device before its newest frame, so that a timeframe created"
                  + " or changed later is computed exactly from the stored frames (about 150"
                  + " bytes of state per frame: 3 h at 10 Hz is about 16 MB per device).");

  public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
      key("wearflow.timeframe.sink.max-buffered-rows")
          .intType()
          .defaultValue(1000)
          .withDescription("Timeframes the computed-data table sink buffers before it upserts.");

  public static final ConfigOption<Duration> SINK_FLUSH_INTERVAL =
      key("wearflow.timeframe.sink.flush-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(5))
          .withDescription(
              "Longest time a snapshot waits in the computed-data table sink before its upsert"
                  + " starts (part of the live latency; a flush is one multi-row upsert on the"
                  + " sink's background thread, and snapshots keep merging while one is in"
                  + " flight, so a short interval does not multiply the upserts under load).");

  private TimeframeJobOptions() {}
}
