package io.wearflow.http.activities.upload;

import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import java.util.List;

/**
 * Writes one uploaded activity to Kafka: its records to {@code activity-records}, then, once every
 * record was acknowledged, its metadata to {@code activities} (the activity job computes an
 * activity when it holds {@code record_count} records). Returns only once everything is durable.
 */
@FunctionalInterface
public interface ActivityPublisher {

  /**
   * Publishes the records, waits for their acknowledgements, then publishes the activity and waits
   * for its acknowledgement.
   *
   * @throws KafkaUnavailableException when anything was not acknowledged within the publish timeout
   *     (some records may have been written: the upload is retried, and the job keeps one record
   *     per activity and timestamp)
   */
  void publish(List<ActivityRecord> records, UploadedActivity activity);

  /** A publisher for an edge without Kafka for activities: every publish fails (503). */
  static ActivityPublisher unavailable() {
    return (records, activity) -> {
      throw new KafkaUnavailableException("no activity publisher is configured", null);
    };
  }
}
