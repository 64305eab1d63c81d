package io.wearflow.http.samples;

/**
 * Kafka (or the schema registry the values are registered with) did not acknowledge a write in
 * time; the edge answers 503 with {@code Retry-After}.
 */
public class KafkaUnavailableException extends RuntimeException {

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
