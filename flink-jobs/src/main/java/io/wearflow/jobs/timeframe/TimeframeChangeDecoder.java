package io.wearflow.jobs.timeframe;

import io.wearflow.connectors.kafka.AvroRecordDecoder;
import io.wearflow.connectors.kafka.RawRecord;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.connectors.registry.WireFormatException;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads the {@code timeframes} topic: a record with a value is a timeframe's new definition, a
 * tombstone (null value) its deletion, identified by the key (the timeframe id in decimal). {@link
 * AvroRecordDecoder} cannot be used: it takes a tombstone for an unreadable record.
 *
 * <p>A record that cannot be applied goes to {@link AvroRecordDecoder#DEAD_LETTERS} with the
 * reason, counted in {@code deadLetters}: a key that is not a timeframe id, a value that is not a
 * readable definition, a definition whose id differs from its key, whose end is before its start or
 * whose params are invalid.
 */
final class TimeframeChangeDecoder extends ProcessFunction<RawRecord, TimeframeChange> {

  private static final long serialVersionUID = 1L;

  private final String jobName;
  private final SchemaRegistryConfig registry;
  private transient ConfluentAvroDeserializer<TimeframeDefinition> deserializer;
  private transient Counter deadLetters;

  TimeframeChangeDecoder(String jobName, SchemaRegistryConfig registry) {
    this.jobName = jobName;
    this.registry = registry;
  }

  @Override
  public void open(OpenContext openContext) {
    deserializer =
        new ConfluentAvroDeserializer<>(
            new SchemaRegistryClient(registry), TimeframeDefinition.class);
    deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<TimeframeChange> out) {
    Long id = timeframeId(record.key);
    if (id == null) {
      reject(record, ctx, "key is not a timeframe id");
      return;
    }
    if (record.value == null) {
      out.collect(TimeframeChange.deletion(id));
      return;
    }
    TimeframeDefinition definition;
    try {
      definition = deserializer.deserialize(record.value);
    } catch (WireFormatException e) {
      reject(record, ctx, e.getMessage());
      return;
    }
    String problem = problemWith(id, definition);
    if (problem != null) {
      reject(record, ctx, problem);
      return;
    }
    out.collect(TimeframeChange.upsert(definition));
  }

  /** Why {@code definition}, read under key {@code id}, cannot be computed; null when it can. */
  static String problemWith(long id, TimeframeDefinition definition) {
    if (definition.getTimeframeId() != id) {
      return "timeframe_id " + definition.getTimeframeId() + " differs from the key " + id;
    }
    if (definition.getEndTime().isBefore(definition.getStartTime())) {
      return "end_time is before start_time";
    }
    try {
      TimeframeJson.params(definition.getParamsJson());
    } catch (IllegalArgumentException e) {
      return "invalid params: " + e.getMessage();
    }
    return null;
  }

  private static Long timeframeId(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      return Long.parseLong(new String(key, StandardCharsets.UTF_8).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void reject(RawRecord record, Context ctx, String reason) {
    deadLetters.inc();
    ctx.output(
        AvroRecordDecoder.DEAD_LETTERS,
        DeadLetter.newBuilder()
            .setJob(jobName)
            .setTopic(record.topic)
            .setPartition(record.partition)
            .setOffset(record.offset)
            .setKey(record.key == null ? null : ByteBuffer.wrap(record.key))
            .setValue(record.value == null ? null : ByteBuffer.wrap(record.value))
            .setReason(reason == null ? "unreadable record" : reason)
            .setFailedAt(Instant.now())
            .build());
  }
}
