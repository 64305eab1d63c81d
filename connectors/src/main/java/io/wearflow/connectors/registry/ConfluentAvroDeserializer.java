package io.wearflow.connectors.registry;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Confluent wire-format records into a generated Avro class: looks up the writer schema by
 * the id in the header and resolves it against the class's schema, so records written with any
 * BACKWARD-compatible older or newer schema are read. Thread-safe.
 *
 * @param <T> generated Avro class
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> {

  private final SchemaRegistryClient registry;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  public ConfluentAvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
    this.registry = registry;
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  /**
   * Decodes one record.
   *
   * @throws SchemaRegistryException when the registry cannot be reached (a retry may succeed)
   * @throws WireFormatException when the bytes are not a wire-format record, the id is unknown to
   *     the registry, the writer schema cannot be resolved, or the body is corrupt
   */
  public T deserialize(byte[] record) {
    int id = ConfluentWireFormat.schemaId(record);
    SpecificDatumReader<T> reader;
    try {
      reader = readersByWriterId.computeIfAbsent(id, this::readerFor);
    } catch (SchemaRegistryException e) {
      if (e.httpStatus() == 404) {
        throw new WireFormatException("unknown writer schema id " + id + ": " + e.getMessage(), e);
      }
      throw e; // registry unreachable: not the record's fault, let the caller retry
    } catch (RuntimeException e) {
      throw new WireFormatException(
          "writer schema " + id + " cannot be read as " + readerSchema.getFullName() + ": " + e, e);
    }
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                record,
                ConfluentWireFormat.HEADER_LENGTH,
                record.length - ConfluentWireFormat.HEADER_LENGTH,
                decoders.get());
    decoders.set(decoder);
    try {
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new WireFormatException(
            "trailing bytes after a " + readerSchema.getName() + " record", null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof WireFormatException wire) {
        throw wire;
      }
      throw new WireFormatException(
          "corrupt " + readerSchema.getName() + " record with schema id " + id + ": " + e, e);
    }
  }

  private SpecificDatumReader<T> readerFor(int writerId) {
    Schema writerSchema = registry.schemaById(writerId);
    var compatibility =
        org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(
            readerSchema, writerSchema);
    if (compatibility.getType()
        != org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalArgumentException(compatibility.getDescription());
    }
    return new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.get());
  }
}
