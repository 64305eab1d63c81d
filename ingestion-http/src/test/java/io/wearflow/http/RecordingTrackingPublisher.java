package io.wearflow.http;

import io.wearflow.http.devices.TrackingPublisher;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Kafka at the edge's boundary: records every published tracking frame, or fails like
 * an unavailable broker.
 */
final class RecordingTrackingPublisher implements TrackingPublisher {

  final List<TrackingFrame> published = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;

  @Override
  public void publish(List<TrackingFrame> frames) {
    if (unavailable) {
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge within 5000 ms", new RuntimeException("test"));
    }
    published.addAll(frames);
  }
}
