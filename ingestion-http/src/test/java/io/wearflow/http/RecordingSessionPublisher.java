package io.wearflow.http;

import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.http.sessions.SessionPublisher;
import io.wearflow.schemas.sessions.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Kafka at the edge's boundary: records every published session, or fails like an
 * unavailable broker. Real-Kafka publishing is tested in the infra module.
 */
final class RecordingSessionPublisher implements SessionPublisher {

  final List<Session> published = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;

  @Override
  public void publish(Session session) {
    if (unavailable) {
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge within 5000 ms", new RuntimeException("test"));
    }
    published.add(session);
  }
}
