package io.wearflow.jobs.userday;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.KafkaSinks;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.parquet.ParquetSinks;
import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.UserDayTableSink;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.JobOptions;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
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
 * The user-day job: samples from Kafka, decoded (unreadable records to dead letters), stamped with
 * a received_at watermark, screened (invalid and too-late samples to dead letters), keyed by user,
 * deduplicated and aggregated into local days; each changed day goes, about once per emit interval,
 * to the table sink and to the user-day export, and every new or corrected sample once to the
 * sample export. This class only wires; the rules live in {@link SampleRules}, {@link Lateness},
 * {@link MinuteSplitter}, {@link UserDayAccumulator} and {@link UserDayResults}.
 *
 * <p>A user's samples must reach the aggregator in the order they were accepted (the last value
 * received wins), so decoding and screening run with the parallelism of their input and stay
 * chained to it; the samples topic is keyed by user id, which keeps each user in one partition.
 */
public final class UserDayJob {

  /** The job's name, in the Flink UI, in dead letters and as default consumer group. */
  public static final String NAME = "user-day";

  static final String SOURCE = "samples-source";
  static final String DECODE = "decode-samples";
  static final String WATERMARKS = "received-at-watermarks";
  static final String SCREEN = "screen-samples";
  static final String AGGREGATE = "aggregate-user-days";
  static final String TO_ROWS = "user-day-rows";
  static final String USER_DAY_SINK = "user-day-sink";
  static final String USER_DAY_EXPORT_SINK = "user-day-export-sink";
  static final String SAMPLE_SINK = "sample-export-sink";
  static final String DEAD_LETTER_SINK = "dead-letter-sink";

  private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

  /**
   * Where the job's results go.
   *
   * @param userDays each changed user-day (PostgreSQL in production)
   * @param userDayExports each publication of a user-day with its version (Parquet in production)
   * @param samples each new or corrected sample once (Parquet in production)
   * @param deadLetters the records the job could not read or does not count
   */
  public record Sinks(
      Sink<UserDay> userDays,
      Sink<PublishedUserDay> userDayExports,
      Sink<Sample> samples,
      Sink<DeadLetter> deadLetters) {

    public Sinks {
      Objects.requireNonNull(userDays, "userDays");
      Objects.requireNonNull(userDayExports, "userDayExports");
      Objects.requireNonNull(samples, "samples");
      Objects.requireNonNull(deadLetters, "deadLetters");
    }
  }

  /**
   * How the job behaves.
   *
   * @param samplesTopic the topic named in dead letters
   * @param emitInterval how long a changed day waits before it is published (changes meanwhile are
   *     published together)
   */
  public record Settings(String samplesTopic, Duration emitInterval) {

    /** The samples topic of {@link Topics#SAMPLES}, days published after one second. */
    public static final Settings DEFAULT =
        new Settings(Topics.SAMPLES.name(), UserDayJobOptions.EMIT_INTERVAL.defaultValue());

    public Settings {
      Objects.requireNonNull(samplesTopic, "samplesTopic");
      if (emitInterval == null || emitInterval.isNegative() || emitInterval.isZero()) {
        throw new IllegalArgumentException("emitInterval must be positive: " + emitInterval);
      }
    }
  }

  private final Source<RawRecord, ?, ?> source;
  private final SchemaRegistryConfig registry;
  private final Sinks sinks;
  private final Settings settings;

  /**
   * @param source undecoded records of the samples topic
   * @param registry the schema registry the decoder reads writer schemas from
   * @param sinks where the results go
   * @param settings how the job behaves
   */
  public UserDayJob(
      Source<RawRecord, ?, ?> source,
      SchemaRegistryConfig registry,
      Sinks sinks,
      Settings settings) {
    this.source = Objects.requireNonNull(source, "source");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The job with Kafka, the schema registry, PostgreSQL and Parquet as {@link UserDayJobOptions}
   * describe them.
   *
   * @throws IllegalArgumentException naming the option key when a value is invalid
   */
  public static UserDayJob fromConfiguration(Configuration config) {
    String bootstrapServers = JobOptions.text(config, UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS);
    SchemaRegistryConfig registry = JobOptions.registry(config);
    PostgresConfig postgres = JobOptions.postgres(config);
    String samplesTopic = JobOptions.text(config, UserDayJobOptions.SAMPLES_TOPIC);
    Sinks sinks =
        new Sinks(
            new UserDayTableSink(
                postgres,
                JobOptions.positive(config, UserDayJobOptions.SINK_MAX_BUFFERED_ROWS),
                JobOptions.positiveDuration(config, UserDayJobOptions.SINK_FLUSH_INTERVAL)),
            ParquetSinks.userDaysByLocalDate(UserDayJobOptions.exportUri(config, "user_days")),
            ParquetSinks.samplesByLocalDate(UserDayJobOptions.exportUri(config, "samples")),
            KafkaSinks.avro(
                bootstrapServers,
                Topics.DEAD_LETTERS.withName(
                    JobOptions.text(config, UserDayJobOptions.DEAD_LETTERS_TOPIC)),
                registry,
                DeadLetter::getJob,
                DeliveryGuarantee.AT_LEAST_ONCE,
                NAME + "-dead-letters"));
    Settings settings =
        new Settings(
            samplesTopic, JobOptions.positiveDuration(config, UserDayJobOptions.EMIT_INTERVAL));
    return new UserDayJob(
        KafkaSources.raw(
            bootstrapServers,
            samplesTopic,
            JobOptions.text(config, UserDayJobOptions.CONSUMER_GROUP)),
        registry,
        sinks,
        settings);
  }

  /** Adds the whole job, from the Kafka source on, to {@code env}. */
  public void addTo(StreamExecutionEnvironment env) {
    DataStream<RawRecord> raw =
        env.fromSource(
                source,
                WatermarkStrategy.noWatermarks(),
                SOURCE,
                TypeInformation.of(RawRecord.class))
            .uid(SOURCE);
    SingleOutputStreamOperator<Sample> decoded =
        raw.process(
                new AvroRecordDecoder<>(NAME, registry, Sample.class),
                TypeInformation.of(Sample.class))
            .setParallelism(raw.getParallelism())
            .name(DECODE)
            .uid(DECODE);
    sinkDeadLetters(
        decoded.getSideOutput(AvroRecordDecoder.DEAD_LETTERS).union(aggregate(decoded)));
  }

  /**
   * Adds everything after decoding to the environment of {@code decoded}, for tests that feed
   * samples directly. The samples must come in the order they were accepted for each user.
   */
  public void addAfterDecoding(DataStream<Sample> decoded) {
    sinkDeadLetters(aggregate(decoded));
  }

  /** Wires screening, aggregation and the three result sinks; returns the rejected samples. */
  private DataStream<DeadLetter> aggregate(DataStream<Sample> decoded) {
    // Chained operators hand records on without a defensive deep copy (a copy of each sample and
    // of each published day, with its 5,760 curve slots, halved the throughput). Safe here: every
    // operator of the job emits new objects and none changes a record it received or emitted.
    decoded.getExecutionEnvironment().getConfig().enableObjectReuse();
    SingleOutputStreamOperator<Sample> stamped =
        decoded
            .assignTimestampsAndWatermarks(receivedAtWatermarks())
            .name(WATERMARKS)
            .uid(WATERMARKS);
    SingleOutputStreamOperator<Sample> screened =
        stamped
            .process(
                new SampleScreen(NAME, settings.samplesTopic()), TypeInformation.of(Sample.class))
            .setParallelism(stamped.getParallelism())
            .name(SCREEN)
            .uid(SCREEN);
    SingleOutputStreamOperator<PublishedUserDay> days =
        screened
            .keyBy(Sample::getUserId, Types.LONG)
            .process(
                new UserDayAggregator(NAME, settings.samplesTopic(), settings.emitInterval()),
                TypeInformation.of(PublishedUserDay.class))
            .name(AGGREGATE)
            .uid(AGGREGATE);
    days.map(PublishedUserDay::day, TypeInformation.of(UserDay.class))
        .name(TO_ROWS)
        .uid(TO_ROWS)
        .sinkTo(sinks.userDays())
        .name(USER_DAY_SINK)
        .uid(USER_DAY_SINK);
    days.sinkTo(sinks.userDayExports()).name(USER_DAY_EXPORT_SINK).uid(USER_DAY_EXPORT_SINK);
    days.getSideOutput(UserDayAggregator.CHANGED_SAMPLES)
        .sinkTo(sinks.samples())
        .name(SAMPLE_SINK)
        .uid(SAMPLE_SINK);
    return screened
        .getSideOutput(SampleScreen.REJECTED)
        .union(days.getSideOutput(UserDayAggregator.TOO_LATE));
  }

  /** Event time is received_at: it decides when a day can no longer change ({@link Lateness}). */
  private static WatermarkStrategy<Sample> receivedAtWatermarks() {
    return WatermarkStrategy.<Sample>forBoundedOutOfOrderness(Lateness.OUT_OF_ORDERNESS)
        .withTimestampAssigner((sample, previous) -> sample.getReceivedAt().toEpochMilli())
        .withIdleness(Lateness.IDLENESS);
  }

  private void sinkDeadLetters(DataStream<DeadLetter> rejected) {
    rejected.sinkTo(sinks.deadLetters()).name(DEAD_LETTER_SINK).uid(DEAD_LETTER_SINK);
  }

  /**
   * Runs the job on a cluster. Options ({@link UserDayJobOptions}) come from the Flink
   * configuration and from program arguments ({@code --wearflow.kafka.bootstrap-servers
   * kafka:9092}), the arguments winning. Checkpointing, needed to commit Parquet files, defaults to
   * every minute when the cluster does not set {@code execution.checkpointing.interval}.
   */
  public static void main(String[] args) throws Exception {
    JobOptions.ClusterRun run = JobOptions.forCluster(args, DEFAULT_CHECKPOINT_INTERVAL);
    fromConfiguration(run.config()).addTo(run.env());
    run.env().execute(NAME);
  }
}
