package io.wearflow.connectors.parquet;

import io.wearflow.schemas.samples.Sample;
import org.apache.avro.specific.SpecificData;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet exports analysts read with their own tools (DuckDB, Spark, pandas). Files are written
 * with Snappy compression under Hive-style partitions and committed on checkpoints: a file becomes
 * visible (loses its in-progress name) only when the checkpoint that covers its rows completes, so
 * a restarted job neither loses nor duplicates rows.
 */
public final class ParquetSinks {

  private ParquetSinks() {}

  /**
   * Deduplicated samples under {@code <baseDirUri>/date=YYYY-MM-DD/part-<uuid>-<n>.parquet}; the
   * columns are the fields of the {@code Sample} Avro schema.
   *
   * @param baseDirUri e.g. {@code file:///var/wearflow/exports/samples} or {@code
   *     s3://bucket/exports/samples}
   */
  public static FileSink<Sample> samplesByLocalDate(String baseDirUri) {
    return FileSink.forBulkFormat(new Path(baseDirUri), snappy(Sample.class))
        .withBucketAssigner(new LocalDateBucketAssigner())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
        .build();
  }

  private static <T extends org.apache.avro.specific.SpecificRecordBase>
      ParquetWriterFactory<T> snappy(Class<T> type) {
    String schema = SpecificData.get().getSchema(type).toString();
    return new ParquetWriterFactory<>(
        out ->
            AvroParquetWriter.<T>builder(out)
                .withSchema(new org.apache.avro.Schema.Parser().parse(schema))
                .withDataModel(SpecificData.getForClass(type))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build());
  }
}
