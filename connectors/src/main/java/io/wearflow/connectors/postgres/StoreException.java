package io.wearflow.connectors.postgres;

/** A database call failed for a reason the caller cannot fix (connection lost, bug). */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
