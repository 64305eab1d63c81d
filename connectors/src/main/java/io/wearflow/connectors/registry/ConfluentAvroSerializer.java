package io.wearflow.connectors.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes Avro records in the Confluent wire format, registering the writer schema under the subject
 * on first use (as Confluent's {@code KafkaAvroSerializer} with auto-registration does).
 * Thread-safe: each thread gets its own writer buffers.
 *
 * @param <T> generated Avro class
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> {

  private final SchemaRegistryClient registry;
  private final String subject;
  private final Schema schema;
  private final SpecificDatumWriter<T> writer;
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
  private volatile int schemaId = -1;

  public ConfluentAvroSerializer(SchemaRegistryClient registry, String subject, Class<T> type) {
    this.registry = registry;
    this.subject = subject;
    this.schema = SpecificData.get().getSchema(type);
    this.writer = new SpecificDatumWriter<>(schema);
  }

  /** The registry id of the writer schema, registering it if needed. */
  public int schemaId() {
    int id = schemaId;
    if (id < 0) {
      id = registry.register(subject, schema);
      schemaId = id;
    }
    return id;
  }

  public byte[] serialize(T record) {
    int id = schemaId();
    Buffers local = buffers.get();
    local.out.reset();
    local.out.write(
        new byte[ConfluentWireFormat.HEADER_LENGTH], 0, ConfluentWireFormat.HEADER_LENGTH);
    local.encoder = EncoderFactory.get().binaryEncoder(local.out, local.encoder);
    try {
      writer.write(record, local.encoder);
      local.encoder.flush();
    } catch (IOException | RuntimeException e) {
      // A failed write leaves bytes in the encoder's buffer that the next flush would append to
      // the next record: never reuse it.
      local.encoder = null;
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    byte[] bytes = local.out.toByteArray();
    ConfluentWireFormat.writeHeader(bytes, id);
    return bytes;
  }

  private static final class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
  }
}
