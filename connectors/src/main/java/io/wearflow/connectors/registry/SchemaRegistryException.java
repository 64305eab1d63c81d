package io.wearflow.connectors.registry;

/** A schema registry call failed: unreachable, refused, or answered with an error code. */
public class SchemaRegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** HTTP status of the registry's answer, or -1 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Confluent error code of the answer (40401 subject not found, 40403 schema not found, 409
   * incompatible, 42201 invalid schema), or -1.
   */
  public int errorCode() {
    return errorCode;
  }
}
