package io.wearflow.connectors.registry;

import org.apache.avro.AvroRuntimeException;

/** Bytes that are not a readable Confluent wire-format Avro record. */
public class WireFormatException extends AvroRuntimeException {

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
