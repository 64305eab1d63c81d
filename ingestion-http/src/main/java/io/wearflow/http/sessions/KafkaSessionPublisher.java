package io.wearflow.http.sessions;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.sessions.Session;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes session versions to Kafka with the samples publisher's durable settings ({@code
 * acks=all}, idempotent, every wait bounded by the publish timeout; see {@link
 * KafkaSamplePublisher#producerProperties}), keyed by {@code <user id>/<session id>} so that the
 * versions of one session stay ordered in one partition and compaction keeps the last one, values
 * in the Confluent Avro wire format. One producer is shared by all request threads.
 */
public final class KafkaSessionPublisher implements SessionPublisher, AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final ConfluentAvroSerializer<Session> serializer;
  private final Duration publishTimeout;

  /**
   * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
   * @param topic topic to write to, normally {@code Topics.SESSIONS.name()}
   * @param serializer value serializer registered under {@code Topics.SESSIONS.valueSubject()}
   * @param publishTimeout longest a {@link #publish} call waits, at least 100 ms
   */
  public KafkaSessionPublisher(
      String bootstrapServers,
      String topic,
      ConfluentAvroSerializer<Session> serializer,
      Duration publishTimeout) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
    this.producer =
        new KafkaProducer<>(
            producerProperties(bootstrapServers, publishTimeout),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** The samples publisher's settings under this producer's own client id. */
  static Properties producerProperties(String bootstrapServers, Duration publishTimeout) {
    Properties props = KafkaSamplePublisher.producerProperties(bootstrapServers, publishTimeout);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http-sessions");
    return props;
  }

  /** The record key of {@code session}: {@code <user id>/<session id>}. */
  public static String key(Session session) {
    return session.getUserId() + "/" + session.getSessionId();
  }

  @Override
  public void publish(Session session) {
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    byte[] value;
    try {
      value = serializer.serialize(session);
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("cannot serialize the session: " + e.getMessage(), e);
    }
    KafkaSamplePublisher.sendAll(
        producer,
        List.of(new ProducerRecord<>(topic, key(session), value)),
        deadline,
        publishTimeout);
  }

  @Override
  public void close() {
    producer.close(publishTimeout);
  }
}
