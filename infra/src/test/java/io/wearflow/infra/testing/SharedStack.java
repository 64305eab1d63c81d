package io.wearflow.infra.testing;

import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.infra.flink.LocalFlinkCluster;
import io.wearflow.infra.kafka.EmbeddedKafkaBroker;
import io.wearflow.infra.postgres.EmbeddedPostgresServer;
import io.wearflow.infra.registry.ApicurioRegistryProcess;
import io.wearflow.schemas.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker, schema registry and PostgreSQL (plus, on first use, a Flink MiniCluster) per
 * test JVM, shared by the end-to-end ITCases so that each class doesn't pay their start-up (about 5
 * s). Tests stay independent by using unique names: {@link #uniqueTopic(String)}, {@link
 * #newDatabase(String)}, {@link #newDirectory(String)}. Everything is stopped and deleted when the
 * JVM exits.
 *
 * <pre>{@code
 * @ExtendWith(SharedStackExtension.class)
 * class UserDayJobITCase {
 *   @Test
 *   void lateSampleLandsInItsDay(SharedStack stack) {
 *     Topic<Sample> samples = stack.uniqueTopic(Topics.SAMPLES);
 *     ...
 *   }
 * }
 * }</pre>
 *
 * Or without the extension: {@code SharedStack.get()}.
 */
public final class SharedStack {

  /** Partitions of the topics created for tests, as in the local stack. */
  public static final int PARTITIONS = 2;

  /** Slots of the shared MiniCluster: two jobs of parallelism 2 can run at once. */
  public static final int FLINK_SLOTS = 4;

  /** Default parallelism of jobs submitted to the shared MiniCluster. */
  public static final int FLINK_PARALLELISM = 2;

  private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
  private static SharedStack instance;

  private final Path dir;
  private final EmbeddedKafkaBroker broker;
  private final ApicurioRegistryProcess registry;
  private final EmbeddedPostgresServer postgres;
  private final AtomicInteger counter = new AtomicInteger();
  private LocalFlinkCluster flink;

  private SharedStack(
      Path dir,
      EmbeddedKafkaBroker broker,
      ApicurioRegistryProcess registry,
      EmbeddedPostgresServer postgres) {
    this.dir = dir;
    this.broker = broker;
    this.registry = registry;
    this.postgres = postgres;
  }

  /** The stack of this JVM, started on first call. */
  public static synchronized SharedStack get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "shared-stack-stop"));
    }
    return instance;
  }

  /** Kafka's {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The schema registry (Apicurio, BACKWARD compatibility). */
  public SchemaRegistryConfig registry() {
    return SchemaRegistryConfig.of(registry.confluentUrl());
  }

  /** The shared, migrated database {@code wearflow}; prefer {@link #newDatabase} for writes. */
  public PostgresConfig postgres() {
    return postgres.postgresConfig();
  }

  /** The broker itself, e.g. to create topics with other partition counts. */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /** The PostgreSQL server itself. */
  public EmbeddedPostgresServer postgresServer() {
    return postgres;
  }

  /**
   * The shared Flink MiniCluster ({@value #FLINK_SLOTS} slots, parallelism {@value
   * #FLINK_PARALLELISM}), started on first call. Submit with {@link LocalFlinkCluster#submit} and a
   * checkpoint directory from {@link #newDirectory}; stop the job with {@link
   * LocalFlinkCluster#stop} at the end of the test to free its slots.
   */
  public synchronized LocalFlinkCluster flink() {
    if (flink == null) {
      try {
        flink =
            LocalFlinkCluster.start(dir.resolve("flink-work"), 0, FLINK_SLOTS, FLINK_PARALLELISM);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start the shared Flink MiniCluster", e);
      }
    }
    return flink;
  }

  /**
   * A new topic named {@code <prefix>-<n>-<random>}, created with {@value #PARTITIONS} partitions.
   */
  public String uniqueTopic(String prefix) {
    String name = uniqueName(prefix, '-');
    broker.createTopics(List.of(name), PARTITIONS);
    return name;
  }

  /** A new topic with the key and value types of {@code topic} (subject {@code <name>-value}). */
  public <V extends org.apache.avro.specific.SpecificRecord> Topic<V> uniqueTopic(Topic<V> topic) {
    return topic.withName(uniqueTopic(topic.name()));
  }

  /** A new, migrated database named {@code <prefix>_<n>_<random>}. */
  public PostgresConfig newDatabase(String prefix) {
    String name = uniqueName(prefix.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(), '_');
    try {
      postgres.createDatabase(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    PostgresConfig config = postgres.postgresConfig(name);
    Database.connect(config, 2).close();
    return config;
  }

  /** A new empty directory, e.g. for a job's checkpoints or Parquet exports. */
  public Path newDirectory(String prefix) {
    try {
      return Files.createDirectories(dir.resolve("dirs").resolve(uniqueName(prefix, '-')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String uniqueName(String prefix, char separator) {
    return prefix
        + separator
        + counter.incrementAndGet()
        + separator
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
  }

  private static SharedStack start() {
    long started = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory("wearflow-shared-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<ApicurioRegistryProcess> registry =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ApicurioRegistryProcess.start(dir.resolve("registry"), 0);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    EmbeddedKafkaBroker broker = null;
    EmbeddedPostgresServer postgres = null;
    try {
      broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 0);
      postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
      Database.connect(postgres.postgresConfig(), 2).close();
      SharedStack stack = new SharedStack(dir, broker, registry.join(), postgres);
      LOG.info(
          "Shared test stack started in {} ms in {}",
          (System.nanoTime() - started) / 1_000_000,
          dir);
      return stack;
    } catch (IOException | RuntimeException e) {
      registry.handle((r, error) -> r).thenAccept(r -> closeQuietly(r)).join();
      closeQuietly(postgres);
      closeQuietly(broker);
      deleteQuietly(dir);
      throw new IllegalStateException(
          "Cannot start the shared test stack",
          e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
    }
  }

  private synchronized void stop() {
    closeQuietly(flink);
    closeQuietly(postgres);
    closeQuietly(broker);
    closeQuietly(registry);
    deleteQuietly(dir);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Cannot stop {}", closeable, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot delete {}", dir, e);
    }
  }
}
