package io.wearflow.jobs.userday;

import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Dead letters for samples the job decoded but does not count (invalid or too late). The Kafka
 * coordinates are gone after decoding, so partition and offset are -1; the key is the user id (the
 * topic's key) and the value is the sample in Avro's JSON encoding (readable as it is, and by any
 * Avro library with the {@code Sample} schema).
 */
public final class SampleDeadLetters {

  private SampleDeadLetters() {}

  /**
   * @param job the job that rejects the sample
   * @param topic the topic the sample was read from
   * @param reason why the sample is not counted
   * @param failedAt when it was rejected
   */
  public static DeadLetter of(
      String job, String topic, Sample sample, String reason, Instant failedAt) {
    return DeadLetter.newBuilder()
        .setJob(job)
        .setTopic(topic)
        .setPartition(-1)
        .setOffset(-1)
        .setKey(
            ByteBuffer.wrap(String.valueOf(sample.getUserId()).getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(json(sample)))
        .setReason(reason)
        .setFailedAt(failedAt)
        .build();
  }

  /** {@code sample} in Avro's JSON encoding, UTF-8. */
  static byte[] json(Sample sample) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(Sample.getClassSchema(), out);
      new SpecificDatumWriter<>(Sample.class).write(sample, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + sample, e);
    }
  }
}
