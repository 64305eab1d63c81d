package io.wearflow.http.samples;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes samples to Kafka with {@code acks=all} and an idempotent producer, keyed by user id (so
 * one user's samples stay ordered in one partition), values in the Confluent Avro wire format. One
 * producer is shared by all request threads (Kafka's producer and the serializer are thread-safe);
 * the values are written by {@link SampleWireEncoder} (same bytes, a fraction of the cost) with the
 * id the serializer registered. Every wait is bounded by the publish timeout: a request blocks at
 * most about that long for metadata, buffer space and acknowledgements together, then fails with
 * {@link KafkaUnavailableException}.
 */
public final class KafkaSamplePublisher implements SamplePublisher, AutoCloseable {

  /** How long the producer waits to fill a batch; small, since every request waits for acks. */
  static final Duration LINGER = Duration.ofMillis(5);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final ConfluentAvroSerializer<Sample> serializer;
  private final Duration publishTimeout;

  /** Whether {@link SampleWireEncoder} writes the serializer's schema (then it replaces it). */
  private final boolean directEncoding;

  /**
   * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
   * @param topic topic to write to, normally {@code Topics.SAMPLES.name()}
   * @param serializer value serializer registered under {@code Topics.SAMPLES.valueSubject()}
   * @param publishTimeout longest a {@link #publish} call waits, at least 100 ms
   */
  public KafkaSamplePublisher(
      String bootstrapServers,
      String topic,
      ConfluentAvroSerializer<Sample> serializer,
      Duration publishTimeout) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
    this.directEncoding = SampleWireEncoder.supports(Sample.getClassSchema());
    this.producer =
        new KafkaProducer<>(
            producerProperties(bootstrapServers, publishTimeout),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** The producer settings: durable, idempotent, and bounded by {@code publishTimeout}. */
  public static Properties producerProperties(String bootstrapServers, Duration publishTimeout) {
    if (publishTimeout.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "the Kafka publish timeout must be at least 100 ms, was " + publishTimeout);
    }
    long timeoutMs = publishTimeout.toMillis();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(LINGER.toMillis()));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
    props.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs - LINGER.toMillis()));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http");
    return props;
  }

  @Override
  public void publish(List<Sample> samples) {
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(samples.size());
    try {
      // Serialize everything first: a registry failure then sends nothing.
      int schemaId = serializer.schemaId();
      SampleWireEncoder encoder = directEncoding ? new SampleWireEncoder() : null;
      String key = null;
      long keyUserId = 0;
      for (Sample sample : samples) {
        if (key == null || sample.getUserId() != keyUserId) {
          keyUserId = sample.getUserId();
          key = Long.toString(keyUserId);
        }
        byte[] value =
            encoder != null ? encoder.encode(sample, schemaId) : serializer.serialize(sample);
        records.add(new ProducerRecord<>(topic, key, value));
      }
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("cannot serialize samples: " + e.getMessage(), e);
    }
    sendAll(producer, records, deadline, publishTimeout);
  }

  /**
   * Sends the records and waits until Kafka acknowledged every one, at most until {@code
   * deadlineNanos} ({@link System#nanoTime()}); any failure, including the deadline passing, is a
   * {@link KafkaUnavailableException}. Shared by the edge's publishers.
   */
  public static void sendAll(
      Producer<String, byte[]> producer,
      List<ProducerRecord<String, byte[]>> records,
      long deadlineNanos,
      Duration publishTimeout) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    try {
      for (ProducerRecord<String, byte[]> record : records) {
        Future<RecordMetadata> ack = producer.send(record);
        if (ack.isDone()) {
          // Failed at once (send() waited max.block.ms for metadata of a broker that is down):
          // stop here, or every further record would wait as long again.
          ack.get();
        }
        acks.add(ack);
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException("Kafka refused a record: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge within " + publishTimeout.toMillis() + " ms", e);
    } catch (RuntimeException e) {
      // send() throws org.apache.kafka.common.errors.TimeoutException when metadata or buffer
      // space is not available within max.block.ms, and KafkaException when the producer failed.
      throw new KafkaUnavailableException("Kafka is unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(publishTimeout);
  }
}
