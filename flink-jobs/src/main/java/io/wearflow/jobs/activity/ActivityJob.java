package io.wearflow.jobs.activity;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.ExportedActivityRecord;
import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.KafkaSinks;
import io.wearflow.connectors.kafka.KafkaSources;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.parquet.ParquetSinks;
import io.wearflow.connectors.postgres.ActivityTableSink;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.JobOptions;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.common.DeadLetter;
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
 * The activity job: the records ({@code activity-records}) and metadata ({@code activities}) of
 * uploaded activity files from Kafka, decoded (unreadable records to dead letters), joined by
 * activity id; each activity is analysed once when complete ({@link ActivityAssembler}) and written
 * to the {@code recorded_activities}, {@code activity_series}, {@code activity_mean_max} and {@code
 * activity_awd} tables and to the {@code mean_max} and {@code activity_records} Parquet exports.
 * This class only wires; the rules live in {@link ActivityAssembler}, {@link ActivityAnalyzer},
 * {@link ActivityResults} and the {@code metrics} package.
 *
 * <p>Neither source has watermarks: an activity is complete when its records are, whatever the
 * time, and an incomplete one is dropped by a processing-time timer.
 */
public final class ActivityJob {

  /** The job's name, in the Flink UI, in dead letters and as default consumer group. */
  public static final String NAME = "activity";

  static final String RECORDS_SOURCE = "activity-records-source";
  static final String ACTIVITIES_SOURCE = "activities-source";
  static final String DECODE_RECORDS = "decode-activity-records";
  static final String DECODE_ACTIVITIES = "decode-activities";
  static final String ANALYSE = "analyse-activities";
  static final String TABLE_SINK = "activity-table-sink";
  static final String MEAN_MAX_EXPORT_SINK = "mean-max-export-sink";
  static final String RECORD_EXPORT_SINK = "activity-record-export-sink";
  static final String DEAD_LETTER_SINK = "dead-letter-sink";

  private static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

  /**
   * Where the job's results go.
   *
   * @param tables each analysed activity (PostgreSQL in production)
   * @param meanMaxExport each analysed activity, exported as its mean-max rows (Parquet)
   * @param recordExport each distinct record of an analysed activity (Parquet)
   * @param deadLetters the records the job could not read and the activities it could not analyse
   */
  public record Sinks(
      Sink<AnalyzedActivity> tables,
      Sink<AnalyzedActivity> meanMaxExport,
      Sink<ExportedActivityRecord> recordExport,
      Sink<DeadLetter> deadLetters) {

    public Sinks {
      Objects.requireNonNull(tables, "tables");
      Objects.requireNonNull(meanMaxExport, "meanMaxExport");
      Objects.requireNonNull(recordExport, "recordExport");
      Objects.requireNonNull(deadLetters, "deadLetters");
    }
  }

  /**
   * How the job behaves.
   *
   * @param activitiesTopic the metadata topic, named in dead letters
   * @param incompleteTimeout how long an activity that does not complete is kept
   */
  public record Settings(String activitiesTopic, Duration incompleteTimeout) {

    /** The options' defaults. */
    public static final Settings DEFAULT =
        new Settings(
            Topics.ACTIVITIES.name(), ActivityJobOptions.INCOMPLETE_TIMEOUT.defaultValue());

    public Settings {
      Objects.requireNonNull(activitiesTopic, "activitiesTopic");
      if (incompleteTimeout == null
          || incompleteTimeout.isNegative()
          || incompleteTimeout.isZero()) {
        throw new IllegalArgumentException(
            "incompleteTimeout must be positive: " + incompleteTimeout);
      }
    }
  }

  private final Source<RawRecord, ?, ?> records;
  private final Source<RawRecord, ?, ?> activities;
  private final SchemaRegistryConfig registry;
  private final Sinks sinks;
  private final Settings settings;

  /**
   * @param records undecoded records of the activity-records topic
   * @param activities undecoded records of the activities topic
   * @param registry the schema registry the decoders read writer schemas from
   */
  public ActivityJob(
      Source<RawRecord, ?, ?> records,
      Source<RawRecord, ?, ?> activities,
      SchemaRegistryConfig registry,
      Sinks sinks,
      Settings settings) {
    this.records = Objects.requireNonNull(records, "records");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The job with Kafka, the schema registry, PostgreSQL and Parquet as {@link ActivityJobOptions}
   * describe them.
   *
   * @throws IllegalArgumentException naming the option key when a value is invalid
   */
  public static ActivityJob fromConfiguration(Configuration config) {
    String bootstrapServers = JobOptions.text(config, ActivityJobOptions.KAFKA_BOOTSTRAP_SERVERS);
    SchemaRegistryConfig registry = JobOptions.registry(config);
    PostgresConfig postgres = JobOptions.postgres(config);
    String activitiesTopic = JobOptions.text(config, ActivityJobOptions.ACTIVITIES_TOPIC);
    String group = JobOptions.text(config, ActivityJobOptions.CONSUMER_GROUP);
    Sinks sinks =
        new Sinks(
            new ActivityTableSink(
                postgres,
                JobOptions.positive(config, ActivityJobOptions.SINK_MAX_BUFFERED_ROWS),
                JobOptions.positiveDuration(config, ActivityJobOptions.SINK_FLUSH_INTERVAL)),
            ParquetSinks.meanMaxByLocalDate(UserDayJobOptions.exportUri(config, "mean_max")),
            ParquetSinks.activityRecordsByLocalDate(
                UserDayJobOptions.exportUri(config, "activity_records")),
            KafkaSinks.avro(
                bootstrapServers,
                Topics.DEAD_LETTERS.withName(
                    JobOptions.text(config, ActivityJobOptions.DEAD_LETTERS_TOPIC)),
                registry,
                DeadLetter::getJob,
                DeliveryGuarantee.AT_LEAST_ONCE,
                NAME + "-dead-letters"));
    Settings settings =
        new Settings(
            activitiesTopic,
            JobOptions.positiveDuration(config, ActivityJobOptions.INCOMPLETE_TIMEOUT));
    return new ActivityJob(
        KafkaSources.raw(
            bootstrapServers, JobOptions.text(config, ActivityJobOptions.RECORDS_TOPIC), group),
        KafkaSources.raw(bootstrapServers, activitiesTopic, group),
        registry,
        sinks,
        settings);
  }

  /** Adds the whole job, from the Kafka sources on, to {@code env}. */
  public void addTo(StreamExecutionEnvironment env) {
    DataStream<RawRecord> rawRecords =
        env.fromSource(
                records,
                WatermarkStrategy.noWatermarks(),
                RECORDS_SOURCE,
                TypeInformation.of(RawRecord.class))
            .uid(RECORDS_SOURCE);
    DataStream<RawRecord> rawActivities =
        env.fromSource(
                activities,
                WatermarkStrategy.noWatermarks(),
                ACTIVITIES_SOURCE,
                TypeInformation.of(RawRecord.class))
            .uid(ACTIVITIES_SOURCE);
    SingleOutputStreamOperator<ActivityRecord> decodedRecords =
        rawRecords
            .process(
                new AvroRecordDecoder<>(NAME, registry, ActivityRecord.class),
                TypeInformation.of(ActivityRecord.class))
            .setParallelism(rawRecords.getParallelism())
            .name(DECODE_RECORDS)
            .uid(DECODE_RECORDS);
    SingleOutputStreamOperator<UploadedActivity> decodedActivities =
        rawActivities
            .process(
                new AvroRecordDecoder<>(NAME, registry, UploadedActivity.class),
                TypeInformation.of(UploadedActivity.class))
            .setParallelism(rawActivities.getParallelism())
            .name(DECODE_ACTIVITIES)
            .uid(DECODE_ACTIVITIES);
    sinkDeadLetters(
        decodedRecords
            .getSideOutput(AvroRecordDecoder.DEAD_LETTERS)
            .union(
                decodedActivities.getSideOutput(AvroRecordDecoder.DEAD_LETTERS),
                analyse(decodedRecords, decodedActivities)));
  }

  /**
   * Adds everything after decoding to the environment of {@code records}, for tests that feed
   * records and metadata directly.
   */
  public void addAfterDecoding(
      DataStream<ActivityRecord> records, DataStream<UploadedActivity> activities) {
    sinkDeadLetters(analyse(records, activities));
  }

  /** Wires the analysis and the three result sinks; returns the activities it failed on. */
  private DataStream<DeadLetter> analyse(
      DataStream<ActivityRecord> records, DataStream<UploadedActivity> activities) {
    SingleOutputStreamOperator<AnalyzedActivity> analysed =
        records
            .keyBy(ActivityRecord::getActivityId, Types.STRING)
            .connect(activities.keyBy(UploadedActivity::getActivityId, Types.STRING))
            .process(
                new ActivityAssembler(
                    NAME, settings.activitiesTopic(), settings.incompleteTimeout()),
                TypeInformation.of(AnalyzedActivity.class))
            .name(ANALYSE)
            .uid(ANALYSE);
    analysed.sinkTo(sinks.tables()).name(TABLE_SINK).uid(TABLE_SINK);
    analysed.sinkTo(sinks.meanMaxExport()).name(MEAN_MAX_EXPORT_SINK).uid(MEAN_MAX_EXPORT_SINK);
    analysed
        .getSideOutput(ActivityAssembler.RECORDS)
        .sinkTo(sinks.recordExport())
        .name(RECORD_EXPORT_SINK)
        .uid(RECORD_EXPORT_SINK);
    return analysed.getSideOutput(ActivityAssembler.FAILED);
  }

  private void sinkDeadLetters(DataStream<DeadLetter> rejected) {
    rejected.sinkTo(sinks.deadLetters()).name(DEAD_LETTER_SINK).uid(DEAD_LETTER_SINK);
  }

  /**
   * Runs the job on a cluster. Options ({@link ActivityJobOptions}) come from the Flink
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
