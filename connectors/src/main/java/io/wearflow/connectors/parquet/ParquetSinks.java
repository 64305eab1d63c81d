package io.wearflow.connectors.parquet;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.ExportedActivityRecord;
import io.wearflow.schemas.samples.Sample;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * The Parquet exports analysts read with their own tools (DuckDB, Spark, pandas). Files are written
 * with Snappy compression under Hive-style partitions and committed on checkpoints: a file becomes
 * visible (loses its in-progress name) only when the checkpoint that covers its rows completes, so
 * a restarted job neither loses nor duplicates rows.
 *
 * <p>Lists use Parquet's standard three-level structure ({@code
 * parquet.avro.write-old-list-structure=false}), which allows null elements (the per-minute curves
 * have them) and is what DuckDB, Spark and pandas read as lists.
 */
public final class ParquetSinks {

  private ParquetSinks() {}

  /**
   * Deduplicated samples under {@code <baseDirUri>/date=YYYY-MM-DD/part-<uuid>-<n>.parquet}, one
   * row per new or corrected value; the columns are the fields of the {@code Sample} Avro schema.
   * The date is the sample's local date: that of (start_time + zone_offset_seconds - day_start_hour
   * hours), the day the user-day job counts it in first.
   *
   * @param baseDirUri e.g. {@code file:///var/wearflow/exports/samples} or {@code
   *     s3://bucket/exports/samples}
   */
  public static FileSink<Sample> samplesByLocalDate(String baseDirUri) {
    return fileSink(
        baseDirUri,
        new ParquetWriterFactory<>(ParquetSinks::samplesWriter),
        new DatePartitionAssigner<>(ParquetSinks::localDate));
  }

  /**
   * The Parquet writer of the samples export (one file): Snappy, the {@code Sample} schema as
   * parquet-avro maps it, readable as {@code Sample} by parquet-avro's readers. Public so that the
   * benchmark measures exactly this writer.
   */
  public static ParquetWriter<Sample> samplesWriter(OutputFile file) throws IOException {
    return new SampleWriteSupport.Builder(file)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build();
  }

  /**
   * Every publication of a user-day under {@code <baseDirUri>/date=YYYY-MM-DD/part-*.parquet}
   * (partitioned by local_date): the columns of the {@code UserDay} Avro schema plus {@code
   * version}, the day's publication number. Analysts take, per (user_id, local_date), the row with
   * the largest updated_at and, among those, the largest version.
   *
   * @param baseDirUri e.g. {@code file:///var/wearflow/exports/user_days}
   */
  public static FileSink<PublishedUserDay> userDaysByLocalDate(String baseDirUri) {
    return fileSink(
        baseDirUri,
        new Converting<>(generic(UserDayRows.SCHEMA.toString()), new UserDayRowFunction()),
        new DatePartitionAssigner<>(published -> published.day().getLocalDate()));
  }

  /**
   * The distinct records of completed activities under {@code
   * <baseDirUri>/date=YYYY-MM-DD/part-*.parquet} (the activity's local date): activity_id, user_id,
   * sport, timestamp and one nullable double column per metric (power, heart_rate, speed, cadence,
   * altitude, distance, temperature, core_temperature, smo2), as the file recorded them (spikes
   * included).
   *
   * @param baseDirUri e.g. {@code file:///var/wearflow/exports/activity_records}
   */
  public static FileSink<ExportedActivityRecord> activityRecordsByLocalDate(String baseDirUri) {
    return fileSink(
        baseDirUri,
        new Expanding<>(
            generic(ActivityExportRows.RECORD_SCHEMA.toString()), new ActivityRecordRowFunction()),
        new DatePartitionAssigner<>(ExportedActivityRecord::localDate));
  }

  /**
   * The exact mean-max curves of completed activities under {@code
   * <baseDirUri>/date=YYYY-MM-DD/part-*.parquet} (the activity's local date): one row per activity,
   * metric and duration that has a window, with activity_id, user_id, sport, metric, duration_s,
   * value and window_start.
   *
   * @param baseDirUri e.g. {@code file:///var/wearflow/exports/mean_max}
   */
  public static FileSink<AnalyzedActivity> meanMaxByLocalDate(String baseDirUri) {
    return fileSink(
        baseDirUri,
        new Expanding<>(
            generic(ActivityExportRows.MEAN_MAX_SCHEMA.toString()), new MeanMaxRowsFunction()),
        new DatePartitionAssigner<>(AnalyzedActivity::localDate));
  }

  /** The local date a sample is exported under. */
  public static LocalDate localDate(Sample sample) {
    // LocalDate.ofInstant(start - dayStartHour, ZoneOffset.ofTotalSeconds(offset)) in arithmetic:
    // the export runs it for every sample.
    long localSecond =
        sample.getStartTime().getEpochSecond()
            - sample.getDayStartHour() * 3600L
            + sample.getZoneOffsetSeconds();
    return LocalDate.ofEpochDay(Math.floorDiv(localSecond, 86_400L));
  }

  private static <T> FileSink<T> fileSink(
      String baseDirUri, BulkWriter.Factory<T> writers, BucketAssigner<T, String> partitions) {
    return FileSink.forBulkFormat(new Path(baseDirUri), writers)
        .withBucketAssigner(partitions)
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
        .build();
  }

  /** Writes generic records whose date and timestamp fields hold LocalDate and Instant values. */
  private static ParquetWriterFactory<GenericRecord> generic(String schema) {
    return new ParquetWriterFactory<>(
        out -> {
          GenericData model = new GenericData();
          model.addLogicalTypeConversion(new TimeConversions.DateConversion());
          model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
          return AvroParquetWriter.<GenericRecord>builder(out)
              .withSchema(new Schema.Parser().parse(schema))
              .withDataModel(model)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
              .build();
        });
  }

  /** Turns a {@link PublishedUserDay} into its export row. */
  private static final class UserDayRowFunction
      implements SerializableFunction<PublishedUserDay, GenericRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public GenericRecord apply(PublishedUserDay published) {
      return UserDayRows.row(published);
    }
  }

  /** Turns a record of an activity into its export row. */
  private static final class ActivityRecordRowFunction
      implements SerializableFunction<ExportedActivityRecord, Iterable<GenericRecord>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterable<GenericRecord> apply(ExportedActivityRecord record) {
      return List.of(ActivityExportRows.recordRow(record));
    }
  }

  /** Turns an analyzed activity into the rows of its mean-max curves. */
  private static final class MeanMaxRowsFunction
      implements SerializableFunction<AnalyzedActivity, Iterable<GenericRecord>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterable<GenericRecord> apply(AnalyzedActivity activity) {
      return ActivityExportRows.meanMaxRows(activity);
    }
  }

  /** A bulk writer factory writing the rows each element expands into. */
  private static final class Expanding<I, O> implements BulkWriter.Factory<I> {
    private static final long serialVersionUID = 1L;

    private final BulkWriter.Factory<O> writers;
    private final SerializableFunction<I, Iterable<O>> expand;

    Expanding(BulkWriter.Factory<O> writers, SerializableFunction<I, Iterable<O>> expand) {
      this.writers = writers;
      this.expand = expand;
    }

    @Override
    public BulkWriter<I> create(FSDataOutputStream out) throws IOException {
      BulkWriter<O> writer = writers.create(out);
      return new BulkWriter<>() {
        @Override
        public void addElement(I element) throws IOException {
          for (O row : expand.apply(element)) {
            writer.addElement(row);
          }
        }

        @Override
        public void flush() throws IOException {
          writer.flush();
        }

        @Override
        public void finish() throws IOException {
          writer.finish();
        }
      };
    }
  }

  /** A bulk writer factory converting each element before writing it. */
  private static final class Converting<I, O> implements BulkWriter.Factory<I> {
    private static final long serialVersionUID = 1L;

    private final BulkWriter.Factory<O> writers;
    private final SerializableFunction<I, O> convert;

    Converting(BulkWriter.Factory<O> writers, SerializableFunction<I, O> convert) {
      this.writers = writers;
      this.convert = convert;
    }

    @Override
    public BulkWriter<I> create(FSDataOutputStream out) throws IOException {
      BulkWriter<O> writer = writers.create(out);
      return new BulkWriter<>() {
        @Override
        public void addElement(I element) throws IOException {
          writer.addElement(convert.apply(element));
        }

        @Override
        public void flush() throws IOException {
          writer.flush();
        }

        @Override
        public void finish() throws IOException {
          writer.finish();
        }
      };
    }
  }
}
