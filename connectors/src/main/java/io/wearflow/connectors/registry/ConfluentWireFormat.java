package io.wearflow.connectors.registry;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format of a record value: byte 0 is the magic byte {@code 0}, bytes 1-4 the
 * schema id as a big-endian int, then the Avro binary encoding of the record.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** Writes the header for {@code schemaId} into the first five bytes of {@code target}. */
  public static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }

  /**
   * The schema id of a wire-format record.
   *
   * @throws WireFormatException when the bytes are too short or the magic byte is wrong
   */
  public static int schemaId(byte[] record) {
    if (record == null || record.length < HEADER_LENGTH) {
      throw new WireFormatException(
          "not a Confluent wire-format record: "
              + (record == null ? "null" : record.length + " bytes"),
          null);
    }
    if (record[0] != MAGIC_BYTE) {
      throw new WireFormatException(
          "not a Confluent wire-format record: magic byte is " + record[0] + ", expected 0", null);
    }
    return ByteBuffer.wrap(record, 1, 4).getInt();
  }
}
