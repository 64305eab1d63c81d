package io.wearflow.http.sessions;

import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.sessions.Session;

/**
 * Writes accepted session versions to the {@code sessions} topic. The HTTP edge answers 2xx only
 * after {@link #publish} returned, so an implementation returns only once the record is durable.
 */
@FunctionalInterface
public interface SessionPublisher {

  /**
   * Publishes the session and blocks until it is acknowledged.
   *
   * @throws KafkaUnavailableException when the record was not acknowledged within the publish
   *     timeout (it may still have been written: a client's retry is another version of the same
   *     session, and the later one wins)
   */
  void publish(Session session);

  /** A publisher for an edge without sessions: every publish fails as if Kafka were down (503). */
  static SessionPublisher unavailable() {
    return session -> {
      throw new KafkaUnavailableException("no session publisher is configured", null);
    };
  }
}
