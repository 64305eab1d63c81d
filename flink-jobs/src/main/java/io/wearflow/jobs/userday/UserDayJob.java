package io.wearflow.jobs.userday;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.KafkaSinks;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.parquet.ParquetSinks;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.UserDayTableSink;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * The user-day job: samples from Kafka, decoded (unreadable records to dead letters), cut into
 * local days, deduplicated and aggregated per (user, local date); every changed day goes to the
 * {@code UserDay} sink and every new or corrected sample once to the sample sink. This class only
 * wires; the rules live in {@link UserDayBucketer} and {@link UserDayAccumulator}.
 *
 * <p>A user's samples must reach the aggregator in the order they were accepted (the last value
 * received wins), so decoding and splitting run with the parallelism of their input and stay
 * chained to it; the samples topic is keyed by user id, which keeps each user in one partition.
 */
public final class UserDayJob {

  /** The job's name, in the Flink UI, in dead letters and as default consumer group. */
  public static final String NAME = "user-day";

  static final String SOURCE = "samples-source";
  static final String DECODE = "decode-samples";
  static final String SPLIT = "split-into-local-days";
  static final String AGGREGATE = "aggregate-user-days";
  static final String USER_DAY_SINK = "user-day-sink";
  static final String SAMPLE_SINK = "sample-export-sink";
  static final String DEAD_LETTER_SINK = "dead-letter-sink";

  private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

  private final Source<RawRecord, ?, ?> source;
  private final SchemaRegistryConfig registry;
  private final Sink<UserDay> userDays;
  private final Sink<Sample> samples;
  private final Sink<DeadLetter> deadLetters;

  /**
   * @param source undecoded records of the samples topic
   * @param registry the schema registry the decoder reads writer schemas from
   * @param userDays receives each user-day whenever it changed (PostgreSQL in production)
   * @param samples receives each new or corrected sample once (Parquet in production)
   * @param deadLetters receives the records the job could not read or aggregate
   */
  public UserDayJob(
      Source<RawRecord, ?, ?> source,
      SchemaRegistryConfig registry,
      Sink<UserDay> userDays,
      Sink<Sample> samples,
      Sink<DeadLetter> deadLetters) {
    this.source = Objects.requireNonNull(source, "source");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.userDays = Objects.requireNonNull(userDays, "userDays");
    this.samples = Objects.requireNonNull(samples, "samples");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
  }

  /**
   * The job with Kafka, the schema registry, PostgreSQL and Parquet as {@link UserDayJobOptions}
   * describe them.
   *
   * @throws IllegalArgumentException naming the option key when a value is invalid
   */
  public static UserDayJob fromConfiguration(Configuration config) {
    String bootstrapServers =
        UserDayJobOptions.text(config, UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS);
    String registryUrl = UserDayJobOptions.text(config, UserDayJobOptions.SCHEMA_REGISTRY_URL);
    SchemaRegistryConfig registry =
        named(UserDayJobOptions.SCHEMA_REGISTRY_URL, () -> SchemaRegistryConfig.of(registryUrl));
    String jdbcUrl = UserDayJobOptions.text(config, UserDayJobOptions.JDBC_URL);
    String jdbcUser = UserDayJobOptions.text(config, UserDayJobOptions.JDBC_USER);
    PostgresConfig postgres =
        named(
            UserDayJobOptions.JDBC_URL,
            () ->
                new PostgresConfig(jdbcUrl, jdbcUser, config.get(UserDayJobOptions.JDBC_PASSWORD)));
    return new UserDayJob(
        KafkaSources.raw(
            bootstrapServers,
            UserDayJobOptions.text(config, UserDayJobOptions.SAMPLES_TOPIC),
            UserDayJobOptions.text(config, UserDayJobOptions.CONSUMER_GROUP)),
        registry,
        new UserDayTableSink(
            postgres,
            UserDayJobOptions.positive(config, UserDayJobOptions.SINK_MAX_BUFFERED_ROWS),
            UserDayJobOptions.positiveDuration(config, UserDayJobOptions.SINK_FLUSH_INTERVAL)),
        ParquetSinks.samplesByLocalDate(UserDayJobOptions.exportUri(config, "samples")),
        KafkaSinks.avro(
            bootstrapServers,
            Topics.DEAD_LETTERS.withName(
                UserDayJobOptions.text(config, UserDayJobOptions.DEAD_LETTERS_TOPIC)),
            registry,
            DeadLetter::getJob,
            DeliveryGuarantee.AT_LEAST_ONCE,
            NAME + "-dead-letters"));
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

  /** Wires split, aggregation and the two result sinks; returns the invalid samples. */
  private DataStream<DeadLetter> aggregate(DataStream<Sample> decoded) {
    SingleOutputStreamOperator<DayPortion> portions =
        decoded
            .process(new DayPortionSplitter(NAME, Topics.SAMPLES.name()))
            .setParallelism(decoded.getParallelism())
            .name(SPLIT)
            .uid(SPLIT);
    SingleOutputStreamOperator<UserDay> days =
        portions
            .keyBy(DayPortion::key, TypeInformation.of(UserDayKey.class))
            .process(new UserDayAggregator())
            .name(AGGREGATE)
            .uid(AGGREGATE);
    days.sinkTo(userDays).name(USER_DAY_SINK).uid(USER_DAY_SINK);
    days.getSideOutput(UserDayAggregator.CHANGED_SAMPLES)
        .sinkTo(samples)
        .name(SAMPLE_SINK)
        .uid(SAMPLE_SINK);
    return portions.getSideOutput(DayPortionSplitter.INVALID_SAMPLES);
  }

  private void sinkDeadLetters(DataStream<DeadLetter> rejected) {
    rejected.sinkTo(deadLetters).name(DEAD_LETTER_SINK).uid(DEAD_LETTER_SINK);
  }

  /** Builds a connector setting, naming {@code option} when it refuses the value. */
  private static <T> T named(ConfigOption<?> option, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option.key() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the job on a cluster. Options ({@link UserDayJobOptions}) come from the Flink
   * configuration and from program arguments ({@code --wearflow.kafka.bootstrap-servers
   * kafka:9092}), the arguments winning. Checkpointing, needed to commit Parquet files, defaults to
   * every minute when the cluster does not set {@code execution.checkpointing.interval}.
   */
  public static void main(String[] args) throws Exception {
    Configuration arguments = Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(arguments);
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL.toMillis());
    }
    Configuration config = Configuration.fromMap(env.getConfiguration().toMap());
    config.addAll(arguments);
    fromConfiguration(config).addTo(env);
    env.execute(NAME);
  }
}
