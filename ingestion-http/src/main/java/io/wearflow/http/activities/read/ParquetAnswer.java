package io.wearflow.http.activities.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes a longitudinal answer as one Parquet file in memory (parquet-avro, Snappy), for the {@code
 * application/vnd.apache.parquet} answers analysts open with DuckDB, pandas or Spark. The answers
 * are bounded by the date range, so a byte array is enough.
 */
final class ParquetAnswer {

  static final String CONTENT_TYPE = "application/vnd.apache.parquet";

  /** Page size, bytes: answers are small or read whole, so small pages cost nothing. */
  static final int PAGE_SIZE = 64 * 1024;

  private ParquetAnswer() {}

  static byte[] write(Schema schema, List<GenericRecord> rows) {
    InMemoryFile file = new InMemoryFile();
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(file)
            .withSchema(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            // Not the Hadoop default: new Configuration() parses core-default.xml and
            // core-site.xml, about three quarters of a small answer's CPU time.
            .withConf(new PlainParquetConfiguration())
            // The compressor of each column allocates a page-sized buffer up front: 1 MB by
            // default, 5 MB of garbage for a 2 kB answer of five columns.
            .withPageSize(PAGE_SIZE)
            .build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a Parquet answer", e);
    }
    return file.bytes.toByteArray();
  }

  /** An {@link OutputFile} over a growing byte array. */
  private static final class InMemoryFile implements OutputFile {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return bytes.size();
        }

        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      bytes.reset();
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
