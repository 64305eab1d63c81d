package io.wearflow.http.devices;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Duration;
import java.util.ArrayList;
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
 * Publishes tracking frames to Kafka with the samples publisher's durable settings ({@code
 * acks=all}, idempotent, every wait bounded by the publish timeout; see {@link
 * KafkaSamplePublisher#producerProperties}) and its send-and-wait ({@link
 * KafkaSamplePublisher#sendAll}, one place maps Kafka failures to 503), keyed by device id so that
 * a device's frames stay ordered in one partition, values in the Confluent Avro wire format. One
 * producer is shared by all request threads.
 */
public final class KafkaTrackingPublisher implements TrackingPublisher, AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final ConfluentAvroSerializer<TrackingFrame> serializer;
  private final Duration publishTimeout;

  /**
   * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
   * @param topic topic to write to, normally {@code Topics.TRACKING.name()}
   * @param serializer value serializer registered under {@code Topics.TRACKING.valueSubject()}
   * @param publishTimeout longest a {@link #publish} call waits, at least 100 ms
   */
  public KafkaTrackingPublisher(
      String bootstrapServers,
      String topic,
      ConfluentAvroSerializer<TrackingFrame> serializer,
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
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http-tracking");
    return props;
  }

  @Override
  public void publish(List<TrackingFrame> frames) {
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(frames.size());
    try {
      // Serialize everything first: a registry failure then sends nothing.
      for (TrackingFrame frame : frames) {
        records.add(
            new ProducerRecord<>(
                topic, Long.toString(frame.getDeviceId()), serializer.serialize(frame)));
      }
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("cannot serialize frames: " + e.getMessage(), e);
    }
    KafkaSamplePublisher.sendAll(producer, records, deadline, publishTimeout);
  }

  @Override
  public void close() {
    producer.close(publishTimeout);
  }
}
