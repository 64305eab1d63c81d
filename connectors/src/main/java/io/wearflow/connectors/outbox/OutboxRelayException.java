package io.wearflow.connectors.outbox;

/** A relay round failed (database or Kafka); the rows not acknowledged stay in the outbox. */
public class OutboxRelayException extends RuntimeException {

  public OutboxRelayException(String message, Throwable cause) {
    super(message, cause);
  }
}
