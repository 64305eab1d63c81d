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
 * @param <V> value type
 */
public record Topic<V extends SpecificRecord>(
    String name, String keyDescription, Class<V> valueType) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyDescription, "keyDescription");
    Objects.requireNonNull(valueType, "valueType");
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
    return new Topic<>(otherName, keyDescription, valueType);
  }
}
