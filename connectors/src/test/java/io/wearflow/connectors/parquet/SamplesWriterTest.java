package io.wearflow.connectors.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.schemas.samples.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples export's writer against the parquet-avro writer it replaced ({@code
 * AvroParquetWriter} with the specific data model, Snappy, standard lists): the same rows, read
 * back by parquet-avro as {@code Sample} and by DuckDB, and the same schema and footer metadata.
 */
class SamplesWriterTest {

  private static final int ROWS = 6_000;

  @TempDir static Path dir;

  private static List<Sample> samples;
  private static Path written;
  private static Path avroWritten;

  @BeforeAll
  static void writeBoth() throws IOException {
    samples = samples();
    written = dir.resolve("samples-writer.parquet");
    avroWritten = dir.resolve("avro-parquet-writer.parquet");
    try (ParquetWriter<Sample> writer = ParquetSinks.samplesWriter(new LocalOutputFile(written))) {
      for (Sample sample : samples) {
        writer.write(sample);
      }
    }
    try (ParquetWriter<Sample> writer = avroParquetWriter(avroWritten)) {
      for (Sample sample : samples) {
        writer.write(sample);
      }
    }
  }

  @Test
  void parquetAvroReadsBackEverySampleAsWritten() throws IOException {
    // As text: Avro's equals has NaN unequal to itself; the text shows every field, -0.0 included.
    List<String> expected = samples.stream().map(Sample::toString).toList();
    assertThat(readAsSamples(written)).map(Sample::toString).containsExactlyElementsOf(expected);
    assertThat(readAsSamples(avroWritten))
        .map(Sample::toString)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void theFileIsByteForByteTheOneParquetAvroWrites() throws IOException {
    assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(avroWritten));
  }

  @Test
  void schemaAndAvroFooterMetadataAreThoseOfParquetAvro() throws IOException {
    FileMetaData ours = footer(written);
    FileMetaData theirs = footer(avroWritten);
    assertThat(ours.getSchema()).isEqualTo(theirs.getSchema());
    assertThat(ours.getKeyValueMetaData())
        .containsEntry("parquet.avro.schema", Sample.getClassSchema().toString())
        .containsEntry("writer.model.name", "avro")
        .isEqualTo(theirs.getKeyValueMetaData());
  }

  @Test
  void duckDbReadsTheSameRowsFromBothFiles() throws SQLException {
    String columns =
        "user_id, source, device_name, device_version, data_type, start_time, end_time,"
            + " zone_offset_seconds, unit, value, received_at, device_id, zone_id, day_start_hour";
    String ours = "SELECT " + columns + " FROM read_parquet('" + written + "')";
    String theirs = "SELECT " + columns + " FROM read_parquet('" + avroWritten + "')";
    List<String> rows = query(ours);
    assertThat(rows).hasSize(ROWS).containsExactlyElementsOf(query(theirs));
    assertThat(query("SELECT count(*) FROM (" + ours + " EXCEPT ALL " + theirs + ")"))
        .containsExactly("0");
    assertThat(rows.get(0))
        .isEqualTo(
            "1|samples-v1.1|Apple Watch|1.0-β|steps|1970-01-01T00:00Z|1970-01-01T00:01Z|7200"
                + "|count|-0.0|2024-03-31T12:00Z|null|null|0");
    assertThat(rows.get(1))
        .isEqualTo(
            "2|wäsche-Ω-✓|Ürün 🚴 1|null|bpm|2024-03-30T21:01Z|2024-03-30T21:02Z|-18000"
                + "|count/min|61.5|2024-03-31T12:00:00.001Z|SN-1-𝄞|America/New_York|1");
  }

  @Test
  void aNullInARequiredFieldIsRefusedAsParquetAvroRefusesIt() throws IOException {
    Sample noUnit = Sample.newBuilder(samples.get(0)).build();
    noUnit.setUnit(null);
    try (ParquetWriter<Sample> writer =
        ParquetSinks.samplesWriter(new LocalOutputFile(dir.resolve("null-unit.parquet")))) {
      assertThatThrownBy(() -> writer.write(noUnit))
          .isExactlyInstanceOf(RuntimeException.class)
          .hasMessage("Null-value for required field: unit");
    }
    try (ParquetWriter<Sample> writer = avroParquetWriter(dir.resolve("null-unit-avro.parquet"))) {
      assertThatThrownBy(() -> writer.write(noUnit))
          .hasMessage("Null-value for required field: unit");
    }
  }

  /**
   * Repeated and unique strings (device ids exceed the string cache), nulls in every optional
   * field, non-ASCII text, negative offsets, timestamps before 1970 and special doubles.
   */
  private static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>(ROWS);
    Instant base = Instant.parse("2024-03-30T21:00:00Z");
    Instant received = Instant.parse("2024-03-31T12:00:00Z");
    String[] sources = {"samples-v1.1", "wäsche-Ω-✓", "activity-timeseries-0.1"};
    String[] devices = {"Apple Watch", "Ürün 🚴 1", "手表", ""};
    double[] specials = {-0.0, Double.NaN, Double.MAX_VALUE, Double.MIN_VALUE, 1e-300};
    for (int i = 0; i < ROWS; i++) {
      boolean steps = i % 2 == 0;
      Instant start =
          i % 97 == 0 ? Instant.ofEpochMilli(-86_400_000L * i) : base.plusSeconds(60L * i);
      samples.add(
          Sample.newBuilder()
              .setUserId(1 + i % 7)
              .setSource(sources[i % sources.length])
              .setDeviceName(devices[i % devices.length])
              .setDeviceVersion(i % 3 == 0 ? "1.0-β" : null)
              .setDataType(steps ? "steps" : "bpm")
              .setStartTime(start)
              .setEndTime(start.plusSeconds(60))
              .setZoneOffsetSeconds(steps ? 7200 : -18000)
              .setUnit(steps ? "count" : "count/min")
              .setValue(i % 11 == 0 ? specials[(i / 11) % specials.length] : 60 + i % 90 + 0.5)
              .setReceivedAt(received.plusMillis(i))
              .setDeviceId(i % 5 == 0 ? null : "SN-" + i + "-𝄞")
              .setZoneId(i % 4 == 0 ? null : steps ? "Europe/Berlin" : "America/New_York")
              .setDayStartHour(i % 24)
              .build());
    }
    return samples;
  }

  /** The writer the samples export used before: parquet-avro's, as ParquetSinks configured it. */
  private static ParquetWriter<Sample> avroParquetWriter(Path file) throws IOException {
    return AvroParquetWriter.<Sample>builder(new LocalOutputFile(file))
        .withSchema(Sample.getClassSchema())
        .withDataModel(SpecificData.getForClass(Sample.class))
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
        .build();
  }

  private static List<Sample> readAsSamples(Path file) throws IOException {
    List<Sample> read = new ArrayList<>();
    try (ParquetReader<Sample> reader =
        AvroParquetReader.<Sample>builder(new LocalInputFile(file))
            .withDataModel(SpecificData.getForClass(Sample.class))
            .build()) {
      for (Sample sample = reader.read(); sample != null; sample = reader.read()) {
        read.add(sample);
      }
    }
    return read;
  }

  private static FileMetaData footer(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData();
    }
  }

  /** Runs {@code sql} in an in-memory DuckDB; each row as its columns joined by '|'. */
  private static List<String> query(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? "|" : "").append(result.getObject(i));
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }
  }
}
