package io.wearflow.infra.bench;

import io.wearflow.connectors.parquet.ParquetSinks;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Parquet: rows per second written by wearflow's sample export writer ({@code
 * ParquetSinks.samplesWriter}, the writer {@code ParquetSinks.samplesByLocalDate} uses: the {@code
 * Sample} schema as parquet-avro maps it, Snappy) into one local file, next to DuckDB writing the
 * same rows (loaded from that file into a table first) with {@code COPY ... TO (FORMAT parquet,
 * COMPRESSION snappy)} on one thread. Both start from rows in memory; neither figure includes
 * reading them.
 */
final class ParquetBenchmark {

  /** Untimed passes of wearflow's writer over all rows before the timed ones. */
  private static final int WARMUP_PASSES = 2;

  /** Timed runs of each writer; the figure is their median. */
  private static final int TIMED_RUNS = 3;

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
    // The export's writer runs for hours inside a job: time it with its code compiled (JIT), not
    // while C2 is still compiling it. One pass over all rows is not enough on 2 busy cores.
    ctx.progress("parquet: warming up wearflow's writer, %d x %,d rows", WARMUP_PASSES, rows);
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      write(samples, dir.resolve("warmup.parquet"));
    }
    Path ours = dir.resolve("wearflow.parquet");
    ctx.progress("parquet: wearflow's writer, %,d rows, median of %d", rows, TIMED_RUNS);
    List<Sample> all = samples;
    double oursSeconds = medianSeconds(() -> write(all, ours));
    samples = null;
    double oursRate = rows / oursSeconds;
    ctx.add(
        Figure.of("parquet.wearflow.rows_per_s", oursRate, "rows/s")
            .withNote(
                String.format(
                    Locale.ROOT,
                    "ParquetSinks.samplesWriter, snappy, %.1f MB",
                    Files.size(ours) / 1e6)));

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
      String copy =
          "COPY (SELECT * FROM samples) TO '" + duck + "' (FORMAT parquet, COMPRESSION snappy)";
      s.execute(copy);
      double duckSeconds = medianSeconds(() -> s.execute(copy));
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

  /** The median of {@link #TIMED_RUNS} timings of {@code run}, in seconds. */
  private static double medianSeconds(Timed run) throws Exception {
    double[] seconds = new double[TIMED_RUNS];
    for (int i = 0; i < TIMED_RUNS; i++) {
      long start = System.nanoTime();
      run.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[TIMED_RUNS / 2];
  }

  /** A timed action. */
  private interface Timed {
    void run() throws Exception;
  }

  /** Writes with the writer of {@code ParquetSinks}' sample export. */
  private static void write(List<Sample> samples, Path file) throws IOException {
    Files.deleteIfExists(file);
    try (ParquetWriter<Sample> writer = ParquetSinks.samplesWriter(new LocalOutputFile(file))) {
      for (Sample sample : samples) {
        writer.write(sample);
      }
    }
  }
}
