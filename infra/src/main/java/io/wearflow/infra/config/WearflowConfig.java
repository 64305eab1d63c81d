package io.wearflow.infra.config;

import io.wearflow.http.HttpConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of a wearflow process, read once at start-up by {@link ConfigLoader}.
 * Every embedded server has a port (0 = any free port); setting an external address ({@code
 * kafka.bootstrap.servers}, {@code registry.url}, {@code postgres.jdbc.url}) means "use that one,
 * don't start the embedded server" (cluster mode).
 *
 * @param dataDir the directory holding all local data (Kafka logs, PostgreSQL, exports, ...)
 * @param http the HTTP edge
 * @param kafka the Kafka broker
 * @param registry the schema registry
 * @param postgres the PostgreSQL database
 * @param flink the local Flink MiniCluster
 */
public record WearflowConfig(
    Path dataDir, Http http, Kafka kafka, Registry registry, Postgres postgres, Flink flink) {

  public WearflowConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(postgres, "postgres");
    Objects.requireNonNull(flink, "flink");
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** Parquet exports, one sub-directory per dataset. */
  public Path exportsDir() {
    return dataDir.resolve("exports");
  }

  /** Retained checkpoints of one job, from which a restart resumes. */
  public Path checkpointsDir(String job) {
    return dataDir.resolve("checkpoints").resolve(job);
  }

  /** Kafka's log directory (topics and KRaft metadata). */
  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  /** PostgreSQL's data directory. */
  public Path postgresDir() {
    return dataDir.resolve("postgres");
  }

  /** The schema registry's database and log. */
  public Path registryDir() {
    return dataDir.resolve("registry");
  }

  /** Generated secrets (mode 0600 files). */
  public Path secretsDir() {
    return dataDir.resolve("secrets");
  }

  /** Full log files. */
  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  /**
   * The HTTP edge.
   *
   * @param host interface to bind
   * @param port TCP port (0 = any free port)
   * @param adminPassword the initial admin's password; when empty the local stack generates one
   *     into the secrets directory
   * @param tokenKey Base64 key (at least 32 bytes) signing the bearer tokens; when empty the local
   *     stack generates one into the secrets directory (HTTP edges behind one load balancer must
   *     share it)
   * @param api limits, token and Kafka settings of the edge's handlers
   */
  public record Http(
      String host,
      int port,
      Optional<String> adminPassword,
      Optional<String> tokenKey,
      HttpConfig api) {
    public Http {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(adminPassword, "adminPassword");
      Objects.requireNonNull(tokenKey, "tokenKey");
      Objects.requireNonNull(api, "api");
    }

    @Override
    public String toString() {
      return "Http[host="
          + host
          + ", port="
          + port
          + ", adminPassword="
          + adminPassword.map(p -> "***").orElse("<generated>")
          + ", tokenKey="
          + tokenKey.map(p -> "***").orElse("<generated>")
          + ", api="
          + api
          + "]";
    }
  }

  /**
   * The Kafka broker.
   *
   * @param port the embedded broker's PLAINTEXT port (0 = any free port)
   * @param controllerPort the embedded broker's KRaft controller port (0 = any free port)
   * @param externalBootstrapServers an external cluster to use instead of the embedded broker
   * @param topicPartitions partitions of the topics the local stack creates
   */
  public record Kafka(
      int port,
      int controllerPort,
      Optional<String> externalBootstrapServers,
      int topicPartitions) {
    public Kafka {
      Objects.requireNonNull(externalBootstrapServers, "externalBootstrapServers");
    }

    /** Whether the local stack starts its own broker. */
    public boolean embedded() {
      return externalBootstrapServers.isEmpty();
    }
  }

  /**
   * The schema registry (Confluent REST protocol).
   *
   * @param port the embedded Apicurio registry's HTTP port (0 = any free port)
   * @param externalUrl an external registry's Confluent-compatible base URL
   */
  public record Registry(int port, Optional<String> externalUrl) {
    public Registry {
      Objects.requireNonNull(externalUrl, "externalUrl");
    }

    /** Whether the local stack starts its own registry. */
    public boolean embedded() {
      return externalUrl.isEmpty();
    }
  }

  /**
   * The PostgreSQL database.
   *
   * @param port the embedded server's port (0 = any free port)
   * @param externalJdbcUrl an external database to use instead of the embedded server
   * @param username user for the external database
   * @param password password for the external database
   */
  public record Postgres(
      int port, Optional<String> externalJdbcUrl, String username, String password) {
    public Postgres {
      Objects.requireNonNull(externalJdbcUrl, "externalJdbcUrl");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /** Whether the local stack starts its own PostgreSQL. */
    public boolean embedded() {
      return externalJdbcUrl.isEmpty();
    }

    @Override
    public String toString() {
      return "Postgres[port="
          + port
          + ", externalJdbcUrl="
          + externalJdbcUrl
          + ", username="
          + username
          + ", password=***]";
    }
  }

  /**
   * The local Flink MiniCluster that runs the jobs.
   *
   * @param enabled whether the local stack runs the jobs (false for an HTTP-only edge)
   * @param uiPort the Web UI / REST port (0 = any free port)
   * @param taskSlots slots of the single TaskManager
   * @param parallelism default parallelism of the jobs
   * @param checkpointInterval time between checkpoints (results are committed on checkpoints)
   */
  public record Flink(
      boolean enabled, int uiPort, int taskSlots, int parallelism, Duration checkpointInterval) {
    public Flink {
      Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    }
  }
}
