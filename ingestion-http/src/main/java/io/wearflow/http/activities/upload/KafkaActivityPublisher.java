package io.wearflow.http.activities.upload;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.http.samples.KafkaSamplePublisher;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
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
 * Publishes uploaded activities to Kafka with the samples publisher's durable settings ({@code
 * acks=all}, idempotent, every wait bounded by the publish timeout; see {@link
 * KafkaSamplePublisher#producerProperties}) and its send-and-wait ({@link
 * KafkaSamplePublisher#sendAll}, which maps Kafka failures to 503), both topics keyed by activity
 * id, values in the Confluent Avro wire format. One producer is shared by all request threads; one
 * {@link #publish} call waits at most the publish timeout for records and metadata together.
 */
public final class KafkaActivityPublisher implements ActivityPublisher, AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final String recordsTopic;
  private final String activitiesTopic;
  private final ConfluentAvroSerializer<ActivityRecord> recordSerializer;
  private final ConfluentAvroSerializer<UploadedActivity> activitySerializer;
  private final Duration publishTimeout;

  /**
   * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
   * @param recordsTopic normally {@code Topics.ACTIVITY_RECORDS.name()}
   * @param recordSerializer registered under {@code Topics.ACTIVITY_RECORDS.valueSubject()}
   * @param activitiesTopic normally {@code Topics.ACTIVITIES.name()}
   * @param activitySerializer registered under {@code Topics.ACTIVITIES.valueSubject()}
   * @param publishTimeout longest a {@link #publish} call waits, at least 100 ms
   */
  public KafkaActivityPublisher(
      String bootstrapServers,
      String recordsTopic,
      ConfluentAvroSerializer<ActivityRecord> recordSerializer,
      String activitiesTopic,
      ConfluentAvroSerializer<UploadedActivity> activitySerializer,
      Duration publishTimeout) {
    this.recordsTopic = Objects.requireNonNull(recordsTopic, "recordsTopic");
    this.activitiesTopic = Objects.requireNonNull(activitiesTopic, "activitiesTopic");
    this.recordSerializer = Objects.requireNonNull(recordSerializer, "recordSerializer");
    this.activitySerializer = Objects.requireNonNull(activitySerializer, "activitySerializer");
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
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http-activities");
    return props;
  }

  @Override
  public void publish(List<ActivityRecord> records, UploadedActivity activity) {
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    String key = activity.getActivityId();
    List<ProducerRecord<String, byte[]>> sends = new ArrayList<>(records.size());
    ProducerRecord<String, byte[]> metadata;
    try {
      // Serialize everything first: a registry failure then sends nothing.
      for (ActivityRecord record : records) {
        sends.add(new ProducerRecord<>(recordsTopic, key, recordSerializer.serialize(record)));
      }
      metadata = new ProducerRecord<>(activitiesTopic, key, activitySerializer.serialize(activity));
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("cannot serialize the activity: " + e.getMessage(), e);
    }
    KafkaSamplePublisher.sendAll(producer, sends, deadline, publishTimeout);
    KafkaSamplePublisher.sendAll(producer, List.of(metadata), deadline, publishTimeout);
  }

  @Override
  public void close() {
    producer.close(publishTimeout);
  }
}
