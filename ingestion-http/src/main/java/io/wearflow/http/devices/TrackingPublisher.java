package io.wearflow.http.devices;

import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.util.List;

/**
 * Writes accepted tracking frames to the {@code tracking} topic. The edge answers 2xx only after
 * {@link #publish} returned, so an implementation returns only once every record is durable.
 */
@FunctionalInterface
public interface TrackingPublisher {

  /**
   * Publishes every frame and blocks until all are acknowledged.
   *
   * @throws KafkaUnavailableException when a frame was not acknowledged within the publish timeout
   *     (some may have been written: the client resends, and the timeframe job keeps one frame per
   *     device and timestamp)
   */
  void publish(List<TrackingFrame> frames);

  /** A publisher for an edge without tracking: every publish fails as if Kafka were down (503). */
  static TrackingPublisher unavailable() {
    return frames -> {
      throw new KafkaUnavailableException("no tracking publisher is configured", null);
    };
  }
}
