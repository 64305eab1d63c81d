package io.wearflow.connectors.parquet;

import io.wearflow.schemas.samples.Sample;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts each sample in the Hive-style partition {@code date=YYYY-MM-DD} of the local date of its
 * start, in the UTC offset it was recorded with (the same day the user-day job counts it in).
 */
final class LocalDateBucketAssigner implements BucketAssigner<Sample, String> {

  private static final long serialVersionUID = 1L;

  @Override
  public String getBucketId(Sample sample, Context context) {
    return "date=" + localDate(sample);
  }

  static LocalDate localDate(Sample sample) {
    return LocalDate.ofInstant(
        sample.getStartTime(), ZoneOffset.ofTotalSeconds(sample.getZoneOffsetSeconds()));
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
