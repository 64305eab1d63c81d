package io.wearflow.http.samples;

import io.wearflow.connectors.registry.ConfluentWireFormat;
import io.wearflow.schemas.samples.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes {@link Sample} records in the Confluent wire format (magic byte, schema id, Avro binary)
 * with the same bytes as {@code ConfluentAvroSerializer}, but field by field through Avro's {@link
 * BinaryEncoder} without the generic writer (which resolves every nullable field's union branch and
 * looks up the logical-type conversion of every timestamp: most of the cost of a 79-byte record).
 * Only for the field layout it was written for ({@link #supports}); any other schema goes through
 * the generic writer. Not thread-safe: one encoder per batch.
 */
final class SampleWireEncoder {

  /** The schema layout written here: field name, type, logical type, in schema order. */
  static final String LAYOUT =
      "user_id:long,source:string,device_name:string,device_version:[null,string],"
          + "data_type:string,start_time:long/timestamp-millis,end_time:long/timestamp-millis,"
          + "zone_offset_seconds:int,unit:string,value:double,"
          + "received_at:long/timestamp-millis,device_id:[null,string],zone_id:[null,string],"
          + "day_start_hour:int";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
  private BinaryEncoder encoder;

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
    bytes.reset();
    bytes.write(new byte[ConfluentWireFormat.HEADER_LENGTH], 0, ConfluentWireFormat.HEADER_LENGTH);
    encoder = EncoderFactory.get().directBinaryEncoder(bytes, encoder);
    try {
      encoder.writeLong(sample.getUserId());
      encoder.writeString(sample.getSource());
      encoder.writeString(sample.getDeviceName());
      writeNullableString(sample.getDeviceVersion());
      encoder.writeString(sample.getDataType());
      encoder.writeLong(sample.getStartTime().toEpochMilli());
      encoder.writeLong(sample.getEndTime().toEpochMilli());
      encoder.writeInt(sample.getZoneOffsetSeconds());
      encoder.writeString(sample.getUnit());
      encoder.writeDouble(sample.getValue());
      encoder.writeLong(sample.getReceivedAt().toEpochMilli());
      writeNullableString(sample.getDeviceId());
      writeNullableString(sample.getZoneId());
      encoder.writeInt(sample.getDayStartHour());
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    byte[] record = bytes.toByteArray();
    ConfluentWireFormat.writeHeader(record, schemaId);
    return record;
  }

  /** A {@code ["null", "string"]} union: branch 0 for null, branch 1 then the string. */
  private void writeNullableString(String value) throws IOException {
    if (value == null) {
      encoder.writeIndex(0);
      encoder.writeNull();
    } else {
      encoder.writeIndex(1);
      encoder.writeString(value);
    }
  }
}
