package io.wearflow.http;

import io.wearflow.http.activities.upload.ActivityPublisher;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Kafka at the edge's boundary: records every published activity record and activity
 * (records first, as the Kafka publisher acknowledges them), or fails like an unavailable broker.
 */
final class RecordingActivityPublisher implements ActivityPublisher {

  final List<ActivityRecord> records = new CopyOnWriteArrayList<>();
  final List<UploadedActivity> activities = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;

  @Override
  public void publish(List<ActivityRecord> published, UploadedActivity activity) {
    if (unavailable) {
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge within 5000 ms", new RuntimeException("test"));
    }
    records.addAll(published);
    activities.add(activity);
  }
}
