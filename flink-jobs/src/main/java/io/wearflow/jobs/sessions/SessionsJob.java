package io.wearflow.jobs.sessions;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.KafkaSinks;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.SessionTableSink;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.JobOptions;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.sessions.Session;
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
 * The sessions job: session upserts from Kafka, decoded (unreadable records to dead letters),
 * checked ({@link SessionRules}; invalid ones to dead letters), keyed by (user, session id) and
 * written to the {@code sessions} table, where the version with the latest modification time wins.
 *
 * <p>Versions of one session must reach the sink in the order they were accepted (on equal
 * modification times the later write wins), so decoding and checking run with the parallelism of
 * their input and stay chained to it; the topic is keyed by {@code <user id>/<session id>}, which
 * keeps each session in one partition, and the key-by sends it to one sink writer.
 */
public final class SessionsJob {

  /** The job's name, in the Flink UI, in dead letters and as default consumer group. */
  public static final String NAME = "sessions";

  static final String SOURCE = "sessions-source";
  static final String DECODE = "decode-sessions";
  static final String CHECK = "check-sessions";
  static final String SESSION_SINK = "session-table-sink";
  static final String DEAD_LETTER_SINK = "dead-letter-sink";

  private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

  private final Source<RawRecord, ?, ?> source;
  private final String topic;
  private final SchemaRegistryConfig registry;
  private final Sink<Session> sessions;
  private final Sink<DeadLetter> deadLetters;

  /**
   * @param source undecoded records of the sessions topic
   * @param topic the sessions topic's name, for dead letters of invalid sessions
   * @param registry the schema registry the decoder reads writer schemas from
   * @param sessions receives every valid session version (PostgreSQL in production)
   * @param deadLetters receives the records the job could not read or store
   */
  public SessionsJob(
      Source<RawRecord, ?, ?> source,
      String topic,
      SchemaRegistryConfig registry,
      Sink<Session> sessions,
      Sink<DeadLetter> deadLetters) {
    this.source = Objects.requireNonNull(source, "source");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
  }

  /**
   * The job with Kafka, the schema registry and PostgreSQL as {@link SessionsJobOptions} describe
   * them.
   *
   * @throws IllegalArgumentException naming the option key when a value is invalid
   */
  public static SessionsJob fromConfiguration(Configuration config) {
    String bootstrapServers = JobOptions.text(config, SessionsJobOptions.KAFKA_BOOTSTRAP_SERVERS);
    SchemaRegistryConfig registry = JobOptions.registry(config);
    PostgresConfig postgres = JobOptions.postgres(config);
    String topic = JobOptions.text(config, SessionsJobOptions.SESSIONS_TOPIC);
    return new SessionsJob(
        KafkaSources.raw(
            bootstrapServers, topic, JobOptions.text(config, SessionsJobOptions.CONSUMER_GROUP)),
        topic,
        registry,
        new SessionTableSink(
            postgres,
            JobOptions.positive(config, SessionsJobOptions.SINK_MAX_BUFFERED_ROWS),
            JobOptions.positiveDuration(config, SessionsJobOptions.SINK_FLUSH_INTERVAL)),
        KafkaSinks.avro(
            bootstrapServers,
            Topics.DEAD_LETTERS.withName(
                JobOptions.text(config, SessionsJobOptions.DEAD_LETTERS_TOPIC)),
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
    SingleOutputStreamOperator<Session> decoded =
        raw.process(
                new AvroRecordDecoder<>(NAME, registry, Session.class),
                TypeInformation.of(Session.class))
            .setParallelism(raw.getParallelism())
            .name(DECODE)
            .uid(DECODE);
    sinkDeadLetters(decoded.getSideOutput(AvroRecordDecoder.DEAD_LETTERS).union(store(decoded)));
  }

  /**
   * Adds everything after decoding to the environment of {@code decoded}, for tests that feed
   * sessions directly. Each session's versions must come in the order they were accepted.
   */
  public void addAfterDecoding(DataStream<Session> decoded) {
    sinkDeadLetters(store(decoded));
  }

  /** Wires the check and the table sink; returns the invalid sessions. */
  private DataStream<DeadLetter> store(DataStream<Session> decoded) {
    SingleOutputStreamOperator<Session> checked =
        decoded
            .process(new SessionChecker(NAME, topic), TypeInformation.of(Session.class))
            .setParallelism(decoded.getParallelism())
            .name(CHECK)
            .uid(CHECK);
    checked
        .keyBy(SessionRules::key, Types.STRING)
        .sinkTo(sessions)
        .name(SESSION_SINK)
        .uid(SESSION_SINK);
    return checked.getSideOutput(SessionChecker.INVALID_SESSIONS);
  }

  private void sinkDeadLetters(DataStream<DeadLetter> rejected) {
    rejected.sinkTo(deadLetters).name(DEAD_LETTER_SINK).uid(DEAD_LETTER_SINK);
  }

  /**
   * Runs the job on a cluster. Options ({@link SessionsJobOptions}) come from the Flink
   * configuration and from program arguments ({@code --wearflow.kafka.bootstrap-servers
   * kafka:9092}), the arguments winning. Checkpointing, which commits the Kafka offsets after the
   * sink flushed, defaults to every minute when the cluster does not set {@code
   * execution.checkpointing.interval}.
   */
  public static void main(String[] args) throws Exception {
    JobOptions.ClusterRun run = JobOptions.forCluster(args, DEFAULT_CHECKPOINT_INTERVAL);
    fromConfiguration(run.config()).addTo(run.env());
    run.env().execute(NAME);
  }
}
