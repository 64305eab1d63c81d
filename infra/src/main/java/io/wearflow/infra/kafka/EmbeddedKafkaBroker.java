package io.wearflow.infra.kafka;

import io.wearflow.infra.net.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running inside this JVM, from Kafka's
 * own server classes. Its log directory is kept: storage is formatted only when {@code
 * meta.properties} is missing, so a restart on the same directory finds its topics and offsets.
 * Listens on 127.0.0.1 only; replication factors and ISR are 1.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, KafkaRaftServer server) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.server = server;
  }

  /**
   * Formats the log directory if it is new and starts the broker (about 2 s).
   *
   * @param dataDir log directory (created if missing)
   * @param port PLAINTEXT listener port on 127.0.0.1, 0 = any free port
   * @param controllerPort KRaft controller listener port on 127.0.0.1, 0 = any free port
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port, int controllerPort)
      throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    int brokerPort = FreePorts.orUnused(port);
    int quorumPort = FreePorts.orUnused(controllerPort);
    while (quorumPort == brokerPort) {
      quorumPort = FreePorts.orUnused(0);
    }
    for (int p : new int[] {brokerPort, quorumPort}) {
      if (FreePorts.inUse(p)) {
        throw new IllegalStateException(
            "Cannot start the Kafka broker: port " + p + " is already in use");
      }
    }
    Properties props = serverProperties(dir, brokerPort, quorumPort);
    if (!Files.exists(dir.resolve("meta.properties"))) {
      format(dir, props);
    }
    long started = System.nanoTime();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      shutdownQuietly(server);
      throw new IllegalStateException(
          "Kafka broker failed to start on 127.0.0.1:" + brokerPort + " (data in " + dir + ")", e);
    }
    LOG.info(
        "Kafka broker on 127.0.0.1:{} (controller {}) started in {} ms, data in {}",
        brokerPort,
        quorumPort,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        dir);
    return new EmbeddedKafkaBroker(dir, brokerPort, quorumPort, server);
  }

  /** The {@code bootstrap.servers} value for clients. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The PLAINTEXT port clients connect to. */
  public int port() {
    return port;
  }

  /** The KRaft controller port. */
  public int controllerPort() {
    return controllerPort;
  }

  /** The log directory. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the topics that don't exist yet; existing topics are left as they are.
   *
   * @param topics topic names
   * @param partitions partitions of each new topic (replication factor 1)
   */
  public void createTopics(Collection<String> topics, int partitions) {
    createTopics(bootstrapServers(), topics, partitions);
  }

  /**
   * Creates the topics that don't exist yet on any cluster (also an external one).
   *
   * @param bootstrapServers the cluster
   * @param topics topic names
   * @param partitions partitions of each new topic
   */
  public static void createTopics(
      String bootstrapServers, Collection<String> topics, int partitions) {
    Map<String, Map<String, String>> withDefaults = new java.util.LinkedHashMap<>();
    topics.forEach(topic -> withDefaults.put(topic, Map.of()));
    createTopics(bootstrapServers, withDefaults, partitions);
  }

  /**
   * Creates the topics that don't exist yet on any cluster, each with its topic-level configuration
   * (e.g. {@code cleanup.policy=compact}); existing topics are left as they are.
   *
   * @param bootstrapServers the cluster
   * @param topics topic names and their configurations
   * @param partitions partitions of each new topic
   */
  public static void createTopics(
      String bootstrapServers, Map<String, Map<String, String>> topics, int partitions) {
    if (topics.isEmpty()) {
      return;
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "wearflow-topic-setup"))) {
      List<NewTopic> newTopics =
          topics.entrySet().stream()
              .map(
                  topic ->
                      new NewTopic(topic.getKey(), partitions, (short) -1)
                          .configs(topic.getValue()))
              .toList();
      Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        try {
          result.getValue().get(30, TimeUnit.SECONDS);
          LOG.info("Created topic {} with {} partitions", result.getKey(), partitions);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Timed out creating topics on " + bootstrapServers, e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    shutdownQuietly(server);
    LOG.info(
        "Kafka broker on 127.0.0.1:{} stopped in {} ms",
        port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly", e);
    }
  }

  private static Properties serverProperties(Path dir, int port, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", dir.toString());
    // A single node: every internal topic has one replica.
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // After a kill, the restarted broker cannot register until its previous session expired
    // (default 9 s); a short session gets it back quickly at the cost of little.
    p.setProperty("broker.session.timeout.ms", "4000");
    p.setProperty("broker.heartbeat.interval.ms", "1000");
    p.setProperty("num.partitions", "2");
    // Small footprint: the defaults are sized for a dedicated server.
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "4");
    p.setProperty("background.threads", "4");
    p.setProperty("num.recovery.threads.per.data.dir", "2");
    return p;
  }

  private static void format(Path dir, Properties props) throws IOException {
    Path propsFile = Files.createTempFile("wearflow-kafka-", ".properties");
    try {
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "wearflow embedded Kafka broker");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit;
      try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        exit =
            StorageTool.execute(
                new String[] {
                  "format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()
                },
                print);
      }
      String text = output.toString(StandardCharsets.UTF_8).trim();
      if (exit != 0) {
        throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed: " + text);
      }
      LOG.debug("Formatted Kafka storage in {}: {}", dir, text);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed", e);
    } finally {
      try {
        Files.deleteIfExists(propsFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
