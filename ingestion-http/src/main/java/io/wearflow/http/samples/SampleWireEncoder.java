package io.wearflow.http.samples;

import io.wearflow.connectors.registry.ConfluentWireFormat;
import io.wearflow.schemas.samples.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Writes {@link Sample} records in the Confluent wire format (magic byte, schema id, Avro binary)
 * with the same bytes as {@code ConfluentAvroSerializer}, but field by field without Avro's generic
 * writer (which resolves every nullable field's union branch and looks up the logical-type
 * conversion of every timestamp: most of the cost of a 79-byte record). Only for the field layout
 * it was written for ({@link #supports}); any other schema goes through the generic writer. Not
 * thread-safe: one encoder per batch.
 */
final class SampleWireEncoder {

  /** The schema layout written here: field name, type, logical type, in schema order. */
  static final String LAYOUT =
      "user_id:long,source:string,device_name:string,device_version:[null,string],"
          + "data_type:string,start_time:long/timestamp-millis,end_time:long/timestamp-millis,"
          + "zone_offset_seconds:int,unit:string,value:double,"
          + "received_at:long/timestamp-millis,device_id:[null,string],zone_id:[null,string],"
          + "day_start_hour:int";

  private byte[] buffer = new byte[128];
  private int size;

  /** Whether {@code schema} has the layout this encoder writes. */
  static boolean supports(Schema schema) {
    return schema.getType() == Schema.Type.RECORD && LAYOUT.equals(layout(schema));
  }

  static String layout(Schema record) {
    return record.getFields().stream()
        .map(field -> field.name() + ":" + type(field.schema()))
        .collect(Collectors.joining(","));
  }

  private static String type(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream()
          .map(SampleWireEncoder::type)
          .collect(Collectors.joining(",", "[", "]"));
    }
    LogicalType logical = schema.getLogicalType();
    String name = schema.getType().getName();
    return logical == null ? name : name + "/" + logical.getName();
  }

  /** The record's wire-format bytes, written for the schema registered as {@code schemaId}. */
  byte[] encode(Sample sample, int schemaId) {
    size = ConfluentWireFormat.HEADER_LENGTH;
    writeLong(sample.getUserId());
    writeString(sample.getSource());
    writeString(sample.getDeviceName());
    writeNullableString(sample.getDeviceVersion());
    writeString(sample.getDataType());
    writeLong(sample.getStartTime().toEpochMilli());
    writeLong(sample.getEndTime().toEpochMilli());
    writeInt(sample.getZoneOffsetSeconds());
    writeString(sample.getUnit());
    writeDouble(sample.getValue());
    writeLong(sample.getReceivedAt().toEpochMilli());
    writeNullableString(sample.getDeviceId());
    writeNullableString(sample.getZoneId());
    writeInt(sample.getDayStartHour());
    byte[] bytes = Arrays.copyOf(buffer, size);
    ConfluentWireFormat.writeHeader(bytes, schemaId);
    return bytes;
  }

  private void writeNullableString(String value) {
    // Union index (zig-zag varint): 0 for null, 1 (encoded 2) for string.
    if (value == null) {
      ensure(1);
      buffer[size++] = 0;
    } else {
      ensure(1);
      buffer[size++] = 2;
      writeString(value);
    }
  }

  private void writeString(String value) {
    // As Avro's BinaryEncoder.writeString: length, then UTF-8 (lone surrogates become '?').
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeInt(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buffer, size, utf8.length);
    size += utf8.length;
  }

  private void writeInt(int value) {
    writeVarint(((value << 1) ^ (value >> 31)) & 0xFFFFFFFFL);
  }

  private void writeLong(long value) {
    writeVarint((value << 1) ^ (value >> 63));
  }

  /** Seven bits per byte, least significant first, high bit set on all but the last. */
  private void writeVarint(long zigZag) {
    ensure(10);
    long n = zigZag;
    while ((n & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    buffer[size++] = (byte) n;
  }

  private void writeDouble(double value) {
    long bits = Double.doubleToRawLongBits(value);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (bits >>> (8 * i));
    }
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
