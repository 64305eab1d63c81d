package io.wearflow.connectors.parquet;

import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes {@link Sample}s to Parquet field by field from the generated getters, producing the file
 * parquet-avro's {@code AvroWriteSupport} writes for the {@code Sample} schema (same Parquet schema
 * and logical types, same {@code parquet.avro.schema} and {@code writer.model.name} footer
 * metadata, so parquet-avro reads it back as {@code Sample}) without its per-field schema dispatch,
 * and encoding each distinct string to UTF-8 once rather than once per row.
 */
final class SampleWriteSupport extends WriteSupport<Sample> {

  /** Footer key under which parquet-avro looks for the Avro schema to read a file with. */
  static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

  static final Schema AVRO_SCHEMA = Sample.getClassSchema();

  /** The Parquet schema parquet-avro derives from {@link #AVRO_SCHEMA}. */
  static final MessageType PARQUET_SCHEMA =
      new AvroSchemaConverter(
              new PlainParquetConfiguration(
                  Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")))
          .convert(AVRO_SCHEMA);

  /** Distinct strings remembered per file: far more than sources, devices, types and units. */
  private static final int DISTINCT_STRINGS = 4096;

  private static final int USER_ID = index("user_id");
  private static final int SOURCE = index("source");
  private static final int DEVICE_NAME = index("device_name");
  private static final int DEVICE_VERSION = index("device_version");
  private static final int DATA_TYPE = index("data_type");
  private static final int START_TIME = index("start_time");
  private static final int END_TIME = index("end_time");
  private static final int ZONE_OFFSET_SECONDS = index("zone_offset_seconds");
  private static final int UNIT = index("unit");
  private static final int VALUE = index("value");
  private static final int RECEIVED_AT = index("received_at");
  private static final int DEVICE_ID = index("device_id");
  private static final int ZONE_ID = index("zone_id");
  private static final int DAY_START_HOUR = index("day_start_hour");

  /** Number of fields {@link #write} writes; a field added to Sample must be added there too. */
  private static final int FIELDS_WRITTEN = 14;

  private static final String[] NAMES = names();

  private final Utf8Binaries strings = new Utf8Binaries(DISTINCT_STRINGS);

  /** Per field, the last string written and its Binary: consecutive rows often repeat them. */
  private final String[] lastStrings = new String[NAMES.length];

  private final Binary[] lastBinaries = new Binary[NAMES.length];
  private RecordConsumer out;

  @Override
  public String getName() {
    return "avro";
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return context();
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  private static WriteContext context() {
    return new WriteContext(PARQUET_SCHEMA, Map.of(AVRO_SCHEMA_KEY, AVRO_SCHEMA.toString()));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Sample sample) {
    out.startMessage();
    writeLong(USER_ID, sample.getUserId());
    writeString(SOURCE, sample.getSource());
    writeString(DEVICE_NAME, sample.getDeviceName());
    writeString(DEVICE_VERSION, sample.getDeviceVersion());
    writeString(DATA_TYPE, sample.getDataType());
    writeTimestamp(START_TIME, sample.getStartTime());
    writeTimestamp(END_TIME, sample.getEndTime());
    writeInt(ZONE_OFFSET_SECONDS, sample.getZoneOffsetSeconds());
    writeString(UNIT, sample.getUnit());
    out.startField("value", VALUE);
    out.addDouble(sample.getValue());
    out.endField("value", VALUE);
    writeTimestamp(RECEIVED_AT, sample.getReceivedAt());
    writeString(DEVICE_ID, sample.getDeviceId());
    writeString(ZONE_ID, sample.getZoneId());
    writeInt(DAY_START_HOUR, sample.getDayStartHour());
    out.endMessage();
  }

  private void writeLong(int field, long value) {
    String name = name(field);
    out.startField(name, field);
    out.addLong(value);
    out.endField(name, field);
  }

  private void writeInt(int field, int value) {
    String name = name(field);
    out.startField(name, field);
    out.addInteger(value);
    out.endField(name, field);
  }

  private void writeTimestamp(int field, Instant value) {
    if (value == null) {
      throw nullRequired(field);
    }
    writeLong(field, value.toEpochMilli());
  }

  /**
   * Writes a string; null leaves an optional field out (null) and is refused for a required one.
   */
  private void writeString(int field, String value) {
    if (value == null) {
      if (PARQUET_SCHEMA.getType(field).isRepetition(Type.Repetition.REQUIRED)) {
        throw nullRequired(field);
      }
      return;
    }
    Binary binary;
    if (value.equals(lastStrings[field])) {
      binary = lastBinaries[field];
    } else {
      binary = strings.of(value);
      lastStrings[field] = value;
      lastBinaries[field] = binary;
    }
    String name = name(field);
    out.startField(name, field);
    out.addBinary(binary);
    out.endField(name, field);
  }

  private static String name(int field) {
    return NAMES[field];
  }

  /** The exception (and message) parquet-avro throws for a null in a required field. */
  private static RuntimeException nullRequired(int field) {
    return new RuntimeException("Null-value for required field: " + name(field));
  }

  private static String[] names() {
    if (PARQUET_SCHEMA.getFieldCount() != FIELDS_WRITTEN) {
      throw new IllegalStateException(
          "Sample has "
              + PARQUET_SCHEMA.getFieldCount()
              + " fields but SampleWriteSupport writes "
              + FIELDS_WRITTEN
              + ": write the new ones in SampleWriteSupport.write");
    }
    return PARQUET_SCHEMA.getFields().stream().map(Type::getName).toArray(String[]::new);
  }

  private static int index(String field) {
    return PARQUET_SCHEMA.getFieldIndex(field);
  }

  /** Builds a {@link ParquetWriter} of samples with this write support. */
  static final class Builder extends ParquetWriter.Builder<Sample, Builder> {

    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Sample> getWriteSupport(Configuration configuration) {
      return new SampleWriteSupport();
    }

    @Override
    protected WriteSupport<Sample> getWriteSupport(ParquetConfiguration configuration) {
      return new SampleWriteSupport();
    }
  }
}
