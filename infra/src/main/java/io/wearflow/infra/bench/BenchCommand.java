package io.wearflow.infra.bench;

import io.wearflow.http.HttpConfig;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.config.ConfigLoader;
import io.wearflow.infra.config.WearflowConfig;
import io.wearflow.infra.flink.LocalFlinkCluster;
import io.wearflow.infra.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./wearflow bench}: starts a local stack of its own (temporary data directory, free ports,
 * bcrypt cost 4 so that registering users is quick), runs the benchmarks one after the other, and
 * prints the table and the machine-readable lines. A benchmark that fails is reported and the
 * others still run. Figures that need capabilities not built yet are listed as "not yet".
 *
 * <p>The stack's edge writes accepted samples to a bench topic that the stack's own jobs do not
 * read, so that the ingestion figure measures the edge and the broker (the job is measured on its
 * own); the stack runs its jobs with parallelism 1, and the user-day benchmark submits a second
 * user-day job to the same MiniCluster.
 */
public final class BenchCommand {

  /** The admin password of the bench's stack (the live benchmark creates its manager with it). */
  static final String ADMIN_PASSWORD = "bench-admin-password";

  private BenchCommand() {}

  public static void main(String[] args) throws Exception {
    // The live benchmark's devices post through HttpURLConnection; keep one idle connection per
    // device alive instead of the JDK's default of 5 per server (read once, at first use).
    System.setProperty("http.maxConnections", "256");
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("wearflow bench: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("wearflow-bench-");
    // Before the first logger: the stack's full log goes to <work>/logs/wearflow.log.
    System.setProperty(LocalFlinkCluster.LOG_DIR_PROPERTY, work.resolve("logs").toString());
    int exit = 0;
    ResultTable table = new ResultTable();
    long started = System.nanoTime();
    try (MemorySampler memory = new MemorySampler()) {
      table.add(Figure.of("machine.cpus", Runtime.getRuntime().availableProcessors(), "cpus"));
      table.add(Figure.of("machine.load_1m_at_start", loadAverage(), "load"));
      if (options.url().isPresent()) {
        BenchContext ctx =
            new BenchContext(
                options, options.url().get(), Optional.empty(), table, memory, work, started);
        ctx.progress("HTTP benchmarks against %s; the others need a local stack", ctx.httpUrl());
        attempt(ctx, "ingest", () -> new IngestBenchmark(ctx).run());
      } else {
        exit = runWithStack(options, table, memory, work, started);
      }
      table.add(Figure.of("machine.load_1m_at_end", loadAverage(), "load"));
    } finally {
      deleteRecursively(work);
    }
    System.out.println();
    table.printTable(System.out);
    System.out.println();
    table.printMachineLines(System.out);
    System.out.flush();
    // Flink, Kafka and HTTP client threads may linger; the figures are printed.
    System.exit(exit);
  }

  private static int runWithStack(
      BenchOptions options, ResultTable table, MemorySampler memory, Path work, long started)
      throws Exception {
    WearflowConfig config = benchConfig(work.resolve("data"));
    BenchContext boot =
        new BenchContext(options, "", Optional.empty(), table, memory, work, started);
    boot.progress("starting a local stack in %s", config.dataDir());
    try (LocalStack stack = LocalStack.start(config)) {
      // Ctrl-C must not leave the registry's JVM, PostgreSQL or the data behind (close is
      // idempotent).
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stack.close();
                    deleteRecursively(work);
                  },
                  "bench-stop-stack"));
      EmbeddedKafkaBroker.createTopics(
          stack.endpoints().kafkaBootstrapServers(),
          List.of(
              IngestBenchmark.EDGE_TOPIC,
              IngestBenchmark.PRODUCER_TOPIC,
              IngestBenchmark.PRODUCER_PERF_TOPIC),
          config.kafka().topicPartitions());
      registryPid(config).ifPresent(memory::watchRegistry);
      BenchContext ctx =
          new BenchContext(
              options,
              stack.endpoints().httpUrl().orElseThrow(),
              Optional.of(stack),
              table,
              memory,
              work,
              started);
      ctx.progress("stack up at %s", ctx.httpUrl());
      memory.resetPeaks();
      ctx.addMemory("idle", null);
      if (options.runs("ingest")) {
        attempt(ctx, "ingest", () -> new IngestBenchmark(ctx).run());
      }
      if (options.runs("userday")) {
        attempt(ctx, "userday", () -> new UserDayJobBenchmark(ctx).run());
      }
      if (options.runs("parquet")) {
        attempt(ctx, "parquet", () -> new ParquetBenchmark(ctx).run());
      }
      if (options.runs("read")) {
        attempt(ctx, "read", () -> new ReadBenchmark(ctx).run());
      }
      if (options.runs("longitudinal")) {
        attempt(ctx, "longitudinal", () -> new LongitudinalMeanMaxBenchmark(ctx).run());
      }
      if (options.runs("live")) {
        attempt(ctx, "live", () -> new LiveLatencyBenchmark(ctx).run());
      }
      ctx.progress("stopping the stack");
    }
    return 0;
  }

  /** The stack of the bench: everything on free ports under {@code dataDir}. */
  static WearflowConfig benchConfig(Path dataDir) {
    WearflowConfig base =
        ConfigLoader.fromValues(
            Map.ofEntries(
                Map.entry("data.dir", dataDir.toString()),
                Map.entry("http.port", "0"),
                Map.entry("kafka.port", "0"),
                Map.entry("kafka.controller.port", "0"),
                Map.entry("registry.port", "0"),
                Map.entry("postgres.port", "0"),
                Map.entry("flink.ui.port", "0"),
                Map.entry("flink.parallelism", "1"),
                Map.entry("http.auth.bcrypt-cost", "4"),
                Map.entry("admin.password", ADMIN_PASSWORD)));
    WearflowConfig.Http http = base.http();
    HttpConfig api =
        http.api()
            .withKafka(
                new HttpConfig.Kafka(
                    IngestBenchmark.EDGE_TOPIC, http.api().kafka().publishTimeout()));
    return new WearflowConfig(
        base.dataDir(),
        new WearflowConfig.Http(
            http.host(), http.port(), http.adminPassword(), http.tokenKey(), api),
        base.kafka(),
        base.registry(),
        base.postgres(),
        base.flink());
  }

  private interface Benchmark {
    void run() throws Exception;
  }

  private static void attempt(BenchContext ctx, String name, Benchmark benchmark) {
    ctx.progress("%s: start", name);
    try {
      // The previous benchmark's own data (rows held in memory, the load generator's buffers) is
      // garbage now; collect it here rather than in a pause inside the next measurement.
      System.gc();
      benchmark.run();
      ctx.progress("%s: done", name);
    } catch (Exception | Error e) {
      ctx.progress("%s: FAILED: %s", name, LocalStackMessages.of(e));
      e.printStackTrace(System.err);
      ctx.table()
          .add(new Figure(name + ".failed", Double.NaN, "-", null, LocalStackMessages.of(e)));
    }
  }

  /** The registry child JVM's pid, from the pid file it keeps in its data directory. */
  private static Optional<Long> registryPid(WearflowConfig config) {
    try {
      return Optional.of(
          Long.parseLong(Files.readString(config.registryDir().resolve("registry.pid")).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("wearflow bench: cannot delete " + dir + ": " + e.getMessage());
    }
  }

  /** "what: why: root cause" of an exception. */
  static final class LocalStackMessages {
    private LocalStackMessages() {}

    static String of(Throwable e) {
      StringBuilder text = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (text.indexOf(message) < 0) {
          text.append(text.length() == 0 ? "" : ": ").append(message);
        }
      }
      return text.toString();
    }
  }
}
