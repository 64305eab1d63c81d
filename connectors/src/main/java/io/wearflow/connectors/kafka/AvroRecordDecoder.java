package io.wearflow.connectors.kafka;

import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.connectors.registry.WireFormatException;
import io.wearflow.schemas.common.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes Confluent wire-format Avro records. A record it cannot read (not wire format, unknown
 * schema id, incompatible writer schema, corrupt body) is counted in the {@code deadLetters} metric
 * and sent to the {@link #DEAD_LETTERS} side output with the reason, so one poison record neither
 * stops the job nor disappears.
 *
 * @param <T> generated Avro class to decode into
 */
public final class AvroRecordDecoder<T extends SpecificRecord>
    extends ProcessFunction<RawRecord, T> {

  private static final long serialVersionUID = 1L;

  /** Side output of the records that could not be decoded. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>(
          "dead-letters",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class)) {};

  private final String jobName;
  private final SchemaRegistryConfig registry;
  private final Class<T> type;
  private transient ConfluentAvroDeserializer<T> deserializer;
  private transient Counter deadLetters;

  public AvroRecordDecoder(String jobName, SchemaRegistryConfig registry, Class<T> type) {
    this.jobName = jobName;
    this.registry = registry;
    this.type = type;
  }

  @Override
  public void open(OpenContext openContext) {
    deserializer = new ConfluentAvroDeserializer<>(new SchemaRegistryClient(registry), type);
    deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<T> out) {
    T value;
    try {
      value = deserializer.deserialize(record.value);
    } catch (WireFormatException e) {
      deadLetters.inc();
      ctx.output(DEAD_LETTERS, deadLetter(record, e.getMessage()));
      return;
    }
    out.collect(value);
  }

  private DeadLetter deadLetter(RawRecord record, String reason) {
    return DeadLetter.newBuilder()
        .setJob(jobName)
        .setTopic(record.topic)
        .setPartition(record.partition)
        .setOffset(record.offset)
        .setKey(record.key == null ? null : ByteBuffer.wrap(record.key))
        .setValue(record.value == null ? null : ByteBuffer.wrap(record.value))
        .setReason(reason == null ? "unreadable record" : reason)
        .setFailedAt(Instant.now())
        .build();
  }
}
