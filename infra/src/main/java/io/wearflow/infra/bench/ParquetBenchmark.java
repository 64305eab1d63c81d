package io.wearflow.infra.bench;

import io.wearflow.schemas.samples.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Parquet: rows per second written by wearflow's sample export writer (the {@code
 * AvroParquetWriter} that {@code ParquetSinks.samplesByLocalDate} builds: the {@code Sample}
 * schema, the specific data model, Snappy, standard lists) into one local file, next to DuckDB
 * writing the same rows (loaded from that file into a table first) with {@code COPY ... TO (FORMAT
 * parquet, COMPRESSION snappy)} on one thread. Both start from rows in memory; neither figure
 * includes reading them.
 */
final class ParquetBenchmark {

  private final BenchContext ctx;

  ParquetBenchmark(BenchContext ctx) {
    this.ctx = ctx;
  }

  void run() throws Exception {
    ctx.memory().resetPeaks();
    int rows = ctx.options().parquetRows();
    Path dir = Files.createDirectories(ctx.workDir().resolve("parquet"));
    ctx.progress("parquet: generating %,d samples in memory", rows);
    List<Sample> samples = new ArrayList<>(rows);
    Instant receivedAt = Instant.now();
    LocalDate first = LocalDate.now(BenchSamples.OFFSET).minusDays(7);
    int perUser = 7 * BenchSamples.PER_DAY;
    for (int i = 0; i < rows; i++) {
      // Distinct measurements, user after user and day after day, as the export sees them.
      long userId = 1 + i / perUser;
      LocalDate day = first.plusDays((i % perUser) / BenchSamples.PER_DAY);
      samples.add(
          BenchSamples.sample(
              userId, day, i % BenchSamples.PER_DAY, receivedAt.plusMillis(i % perUser)));
    }
    // Warm-up (JIT) on a tenth of the rows, then the timed write.
    write(samples.subList(0, rows / 10), dir.resolve("warmup.parquet"));
    Path ours = dir.resolve("wearflow.parquet");
    ctx.progress("parquet: wearflow's writer, %,d rows", rows);
    long start = System.nanoTime();
    write(samples, ours);
    double oursSeconds = (System.nanoTime() - start) / 1e9;
    samples = null;
    double oursRate = rows / oursSeconds;
    ctx.add(
        Figure.of("parquet.wearflow.rows_per_s", oursRate, "rows/s")
            .withNote(
                String.format(
                    Locale.ROOT, "AvroParquetWriter, snappy, %.1f MB", Files.size(ours) / 1e6)));

    ctx.progress("parquet: DuckDB COPY of the same rows, threads=1");
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "DuckDB's JDBC driver is not on the classpath: rebuild (infra/target/runtime-classpath"
              + ".txt predates duckdb_jdbc's move to compile scope)",
          e);
    }
    double duckRate;
    Path duck = dir.resolve("duckdb.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads=1");
      s.execute("SET preserve_insertion_order=true");
      s.execute("CREATE TABLE samples AS SELECT * FROM read_parquet('" + ours + "')");
      s.execute(
          "COPY (SELECT * FROM samples LIMIT "
              + rows / 10
              + ") TO '"
              + dir.resolve("duck-warmup.parquet")
              + "' (FORMAT parquet, COMPRESSION snappy)");
      long duckStart = System.nanoTime();
      s.execute(
          "COPY (SELECT * FROM samples) TO '" + duck + "' (FORMAT parquet, COMPRESSION snappy)");
      double duckSeconds = (System.nanoTime() - duckStart) / 1e9;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + duck + "')")) {
        r.next();
        if (r.getLong(1) != rows) {
          throw new IllegalStateException("DuckDB wrote " + r.getLong(1) + " of " + rows + " rows");
        }
      }
      duckRate = rows / duckSeconds;
    }
    ctx.add(
        Figure.of("parquet.duckdb.rows_per_s", duckRate, "rows/s")
            .withNote(
                String.format(
                    Locale.ROOT, "COPY TO, snappy, 1 thread, %.1f MB", Files.size(duck) / 1e6)));
    ctx.add(
        Figure.of(
            "parquet.wearflow_vs_duckdb", oursRate / duckRate, "x", Figure.Target.atLeast(0.5)));
    ctx.addMemory("parquet", null);
  }

  /** Writes with the settings of {@code ParquetSinks}' sample export. */
  private static void write(List<Sample> samples, Path file) throws IOException {
    Files.deleteIfExists(file);
    try (ParquetWriter<Sample> writer =
        AvroParquetWriter.<Sample>builder(new LocalOutputFile(file))
            .withSchema(Sample.getClassSchema())
            .withDataModel(SpecificData.getForClass(Sample.class))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
            .build()) {
      for (Sample sample : samples) {
        writer.write(sample);
      }
    }
  }
}
