package io.wearflow.jobs.timeframe;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.KafkaSinks;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.postgres.ComputedDataTableSink;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.JobOptions;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The live timeframe job: tracking frames (keyed by device) and timeframe definitions (compacted,
 * tombstone on delete) from Kafka; every timeframe of a device is computed from its frames and
 * published at most once per emit interval (50 ms by default) while it changes, and as final after
 * its end, to the {@code timeframe_computed_data} table and the {@code computed-data} topic. This
 * class only wires; the rules live in {@link TimeframeRouter}, {@link TimeframeCalculator}, {@link
 * TimeframeProgress} and the {@code metrics} package.
 *
 * <p>Definitions are keyed by timeframe id first ({@link TimeframeRouter}: newest version wins,
 * tombstones and moves between devices become drops), then joined to the frames by device id, so
 * that each device's computation holds only its own timeframes and has its own timers. Neither
 * source has watermarks: a timeframe becomes final by its device's newest frame or the wall clock,
 * and the end of a bounded input finalises everything.
 */
public final class TimeframeJob {

  /** The job's name, in the Flink UI, in dead letters and as default consumer group. */
  public static final String NAME = "timeframe";

  static final String TRACKING_SOURCE = "tracking-source";
  static final String TIMEFRAMES_SOURCE = "timeframes-source";
  static final String DECODE_TRACKING = "decode-tracking";
  static final String DECODE_TIMEFRAMES = "decode-timeframes";
  static final String ROUTE = "route-timeframes";
  static final String COMPUTE = "compute-timeframes";
  static final String TABLE_SINK = "computed-data-table-sink";
  static final String TOPIC_SINK = "computed-data-topic-sink";
  static final String DEAD_LETTER_SINK = "dead-letter-sink";

  private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

  /**
   * Where the job's results go.
   *
   * @param table each snapshot (PostgreSQL in production)
   * @param topic each snapshot (the computed-data topic in production)
   * @param deadLetters the records the job could not read
   */
  public record Sinks(
      Sink<TimeframeComputedData> table,
      Sink<TimeframeComputedData> topic,
      Sink<DeadLetter> deadLetters) {

    public Sinks {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(deadLetters, "deadLetters");
    }
  }

  /**
   * How the job behaves; see {@link TimeframeJobOptions} for the meaning of each duration.
   *
   * @param trackingTopic the topic named in dead letters of invalid frames
   * @param networkFlush the buffer timeout of the operators that feed a shuffle
   */
  public record Settings(
      String trackingTopic,
      Duration emitInterval,
      Duration lateness,
      Duration retention,
      Duration networkFlush) {

    /** The options' defaults. */
    public static final Settings DEFAULT =
        new Settings(
            Topics.TRACKING.name(),
            TimeframeJobOptions.EMIT_INTERVAL.defaultValue(),
            TimeframeJobOptions.ALLOWED_LATENESS.defaultValue(),
            TimeframeJobOptions.FRAME_RETENTION.defaultValue(),
            TimeframeJobOptions.NETWORK_FLUSH_INTERVAL.defaultValue());

    public Settings {
      Objects.requireNonNull(trackingTopic, "trackingTopic");
      requirePositive(emitInterval, "emitInterval");
      if (lateness == null || lateness.isNegative()) {
        throw new IllegalArgumentException("lateness must not be negative: " + lateness);
      }
      requirePositive(retention, "retention");
      requirePositive(networkFlush, "networkFlush");
    }

    private static void requirePositive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
    }
  }

  private final Source<RawRecord, ?, ?> tracking;
  private final Source<RawRecord, ?, ?> timeframes;
  private final SchemaRegistryConfig registry;
  private final Sinks sinks;
  private final Settings settings;

  /**
   * @param tracking undecoded records of the tracking topic
   * @param timeframes undecoded records of the timeframes topic, tombstones included
   * @param registry the schema registry the decoders read writer schemas from
   */
  public TimeframeJob(
      Source<RawRecord, ?, ?> tracking,
      Source<RawRecord, ?, ?> timeframes,
      SchemaRegistryConfig registry,
      Sinks sinks,
      Settings settings) {
    this.tracking = Objects.requireNonNull(tracking, "tracking");
    this.timeframes = Objects.requireNonNull(timeframes, "timeframes");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The job with Kafka, the schema registry and PostgreSQL as {@link TimeframeJobOptions} describe
   * them.
   *
   * @throws IllegalArgumentException naming the option key when a value is invalid
   */
  public static TimeframeJob fromConfiguration(Configuration config) {
    String bootstrapServers = JobOptions.text(config, TimeframeJobOptions.KAFKA_BOOTSTRAP_SERVERS);
    SchemaRegistryConfig registry = JobOptions.registry(config);
    PostgresConfig postgres = JobOptions.postgres(config);
    String trackingTopic = JobOptions.text(config, TimeframeJobOptions.TRACKING_TOPIC);
    String group = JobOptions.text(config, TimeframeJobOptions.CONSUMER_GROUP);
    Duration lateness = config.get(TimeframeJobOptions.ALLOWED_LATENESS);
    if (lateness.isNegative()) {
      throw new IllegalArgumentException(
          TimeframeJobOptions.ALLOWED_LATENESS.key() + " must not be negative, not " + lateness);
    }
    Sinks sinks =
        new Sinks(
            new ComputedDataTableSink(
                postgres,
                JobOptions.positive(config, TimeframeJobOptions.SINK_MAX_BUFFERED_ROWS),
                JobOptions.positiveDuration(config, TimeframeJobOptions.SINK_FLUSH_INTERVAL)),
            KafkaSinks.avro(
                bootstrapServers,
                Topics.COMPUTED_DATA.withName(
                    JobOptions.text(config, TimeframeJobOptions.COMPUTED_DATA_TOPIC)),
                registry,
                data -> Long.toString(data.getTimeframeId()),
                DeliveryGuarantee.AT_LEAST_ONCE,
                NAME + "-computed-data"),
            KafkaSinks.avro(
                bootstrapServers,
                Topics.DEAD_LETTERS.withName(
                    JobOptions.text(config, TimeframeJobOptions.DEAD_LETTERS_TOPIC)),
                registry,
                DeadLetter::getJob,
                DeliveryGuarantee.AT_LEAST_ONCE,
                NAME + "-dead-letters"));
    Settings settings =
        new Settings(
            trackingTopic,
            JobOptions.positiveDuration(config, TimeframeJobOptions.EMIT_INTERVAL),
            lateness,
            JobOptions.positiveDuration(config, TimeframeJobOptions.FRAME_RETENTION),
            JobOptions.positiveDuration(config, TimeframeJobOptions.NETWORK_FLUSH_INTERVAL));
    return new TimeframeJob(
        KafkaSources.raw(bootstrapServers, trackingTopic, group),
        KafkaSources.raw(
            bootstrapServers, JobOptions.text(config, TimeframeJobOptions.TIMEFRAMES_TOPIC), group),
        registry,
        sinks,
        settings);
  }

  /** Adds the whole job, from the Kafka sources on, to {@code env}. */
  public void addTo(StreamExecutionEnvironment env) {
    DataStream<RawRecord> rawFrames =
        env.fromSource(
                tracking,
                WatermarkStrategy.noWatermarks(),
                TRACKING_SOURCE,
                TypeInformation.of(RawRecord.class))
            .uid(TRACKING_SOURCE);
    DataStream<RawRecord> rawChanges =
        env.fromSource(
                timeframes,
                WatermarkStrategy.noWatermarks(),
                TIMEFRAMES_SOURCE,
                TypeInformation.of(RawRecord.class))
            .uid(TIMEFRAMES_SOURCE);
    SingleOutputStreamOperator<TrackingFrame> frames =
        rawFrames
            .process(
                new AvroRecordDecoder<>(NAME, registry, TrackingFrame.class),
                TypeInformation.of(TrackingFrame.class))
            .setParallelism(rawFrames.getParallelism())
            .name(DECODE_TRACKING)
            .uid(DECODE_TRACKING);
    SingleOutputStreamOperator<TimeframeChange> changes =
        rawChanges
            .process(
                new TimeframeChangeDecoder(NAME, registry),
                TypeInformation.of(TimeframeChange.class))
            .setParallelism(rawChanges.getParallelism())
            .name(DECODE_TIMEFRAMES)
            .uid(DECODE_TIMEFRAMES);
    sinkDeadLetters(
        frames
            .getSideOutput(AvroRecordDecoder.DEAD_LETTERS)
            .union(
                changes.getSideOutput(AvroRecordDecoder.DEAD_LETTERS), compute(frames, changes)));
  }

  /**
   * Adds everything after decoding to the environment of {@code frames}, for tests that feed frames
   * and changes directly. Each timeframe's changes must come in topic order.
   */
  public void addAfterDecoding(
      DataStream<TrackingFrame> frames, DataStream<TimeframeChange> changes) {
    sinkDeadLetters(compute(frames, changes));
  }

  /** Wires routing, computation and the two result sinks; returns the invalid frames. */
  private DataStream<DeadLetter> compute(
      DataStream<TrackingFrame> frames, DataStream<TimeframeChange> changes) {
    // Live path: flush the network buffers before each keyBy every few ms, not every 100 ms.
    long flushMillis = settings.networkFlush().toMillis();
    if (frames instanceof SingleOutputStreamOperator<TrackingFrame> operator) {
      operator.setBufferTimeout(flushMillis);
    }
    if (changes instanceof SingleOutputStreamOperator<TimeframeChange> operator) {
      operator.setBufferTimeout(flushMillis);
    }
    SingleOutputStreamOperator<DeviceTimeframeChange> routed =
        changes
            .keyBy(change -> change.timeframeId, Types.LONG)
            .process(new TimeframeRouter(), TypeInformation.of(DeviceTimeframeChange.class))
            .name(ROUTE)
            .uid(ROUTE)
            .setBufferTimeout(flushMillis);
    SingleOutputStreamOperator<TimeframeComputedData> computed =
        frames
            .keyBy(TrackingFrame::getDeviceId, Types.LONG)
            .connect(routed.keyBy(change -> change.deviceId, Types.LONG))
            .process(
                new TimeframeCalculator(
                    NAME,
                    settings.trackingTopic(),
                    settings.emitInterval(),
                    settings.lateness(),
                    settings.retention()),
                TypeInformation.of(TimeframeComputedData.class))
            .name(COMPUTE)
            .uid(COMPUTE);
    computed.sinkTo(sinks.table()).name(TABLE_SINK).uid(TABLE_SINK);
    computed.sinkTo(sinks.topic()).name(TOPIC_SINK).uid(TOPIC_SINK);
    return computed.getSideOutput(TimeframeCalculator.INVALID_FRAMES);
  }

  private void sinkDeadLetters(DataStream<DeadLetter> rejected) {
    rejected.sinkTo(sinks.deadLetters()).name(DEAD_LETTER_SINK).uid(DEAD_LETTER_SINK);
  }

  /**
   * Runs the job on a cluster. Options ({@link TimeframeJobOptions}) come from the Flink
   * configuration and from program arguments ({@code --wearflow.kafka.bootstrap-servers
   * kafka:9092}), the arguments winning. Checkpointing defaults to every minute when the cluster
   * does not set {@code execution.checkpointing.interval}.
   */
  public static void main(String[] args) throws Exception {
    JobOptions.ClusterRun run = JobOptions.forCluster(args, DEFAULT_CHECKPOINT_INTERVAL);
    fromConfiguration(run.config()).addTo(run.env());
    run.env().execute(NAME);
  }
}
