package io.wearflow.connectors.parquet;

import java.time.LocalDate;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Puts each record in the Hive-style partition {@code date=YYYY-MM-DD} of the local date {@code
 * dateOf} gives it, so that DuckDB, Spark and pandas see a {@code date} column.
 *
 * @param <T> the record type
 */
final class DatePartitionAssigner<T> implements BucketAssigner<T, String> {

  private static final long serialVersionUID = 1L;

  private final SerializableFunction<T, LocalDate> dateOf;

  // The last date and its bucket id: consecutive records mostly share their date, and the
  // assigner runs for every record of the sink's subtask (one thread).
  private transient LocalDate lastDate;
  private transient String lastBucketId;

  DatePartitionAssigner(SerializableFunction<T, LocalDate> dateOf) {
    this.dateOf = dateOf;
  }

  @Override
  public String getBucketId(T record, Context context) {
    LocalDate date = dateOf.apply(record);
    if (!date.equals(lastDate)) {
      lastBucketId = "date=" + date;
      lastDate = date;
    }
    return lastBucketId;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
