package io.wearflow.schemas;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of wearflow with the Avro type of its values. Keys are plain UTF-8 strings (see
 * {@link #keyDescription()}); values use the Confluent wire format under the subject {@code
 * <topic>-value}.
 *
 * @param name topic name
 * @param keyDescription what the key holds, for documentation and tooling
 * @param valueType generated Avro class of the values
 * @param compacted whether the topic keeps only the latest value per key ({@code
 *     cleanup.policy=compact}): for upserts such as sessions
 * @param <V> value type
 */
public record Topic<V extends SpecificRecord>(
    String name, String keyDescription, Class<V> valueType, boolean compacted) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyDescription, "keyDescription");
    Objects.requireNonNull(valueType, "valueType");
  }

  /** A topic that keeps every record for its retention time ({@code cleanup.policy=delete}). */
  public Topic(String name, String keyDescription, Class<V> valueType) {
    this(name, keyDescription, valueType, false);
  }

  /** The topic-level configuration to create the topic with. */
  public java.util.Map<String, String> topicConfig() {
    return compacted ? java.util.Map.of("cleanup.policy", "compact") : java.util.Map.of();
  }

  /** The registry subject of the values, following Confluent's TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }

  /** The reader schema of the values. */
  public Schema valueSchema() {
    return SpecificData.get().getSchema(valueType);
  }

  /** The same topic under another name, for tests that need a unique topic each. */
  public Topic<V> withName(String otherName) {
    return new Topic<>(otherName, keyDescription, valueType, compacted);
  }
}
