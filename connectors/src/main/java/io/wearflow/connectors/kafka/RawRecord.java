package io.wearflow.connectors.kafka;

import java.io.Serializable;

/**
 * A Kafka record exactly as read, before decoding: jobs decode it in an operator so that a record
 * they cannot read is routed to {@code dead-letters} with its coordinates instead of failing the
 * source. A Flink POJO (public fields, no-arg constructor) for efficient serialization.
 */
public final class RawRecord implements Serializable {

  private static final long serialVersionUID = 1L;

  public String topic;
  public int partition;
  public long offset;
  public long timestamp;
  public byte[] key;
  public byte[] value;

  public RawRecord() {}

  public RawRecord(
      String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
