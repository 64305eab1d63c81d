package io.wearflow.infra.postgres;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.infra.net.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server (zonky's embedded binaries) whose data directory is kept across
 * restarts, listening on loopback with trust authentication. It holds the database {@value
 * #DATABASE}, created on first start. Running as root, zonky runs the server in a user namespace
 * ({@code unshare -U}). A server orphaned by a killed parent (its {@code postmaster.pid} names a
 * live process) is stopped before starting.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database wearflow uses. */
  public static final String DATABASE = "wearflow";

  /** The superuser created by initdb. */
  public static final String USER = "postgres";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final EmbeddedPostgres postgres;
  private boolean closed;

  private EmbeddedPostgresServer(Path dataDir, EmbeddedPostgres postgres) {
    this.dataDir = dataDir;
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on the data directory (initialised on first use, about 3 s; a restart takes
   * about 1 s) and creates the database {@value #DATABASE} if missing.
   *
   * @param dataDir PostgreSQL's data directory (created if missing)
   * @param port port on 127.0.0.1, 0 = any free port
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir.getParent());
    stopOrphanedServer(dir);
    if (port != 0 && FreePorts.inUse(port)) {
      // zonky would wait a minute for a server that cannot start
      throw new IllegalStateException(
          "Cannot start PostgreSQL: port " + port + " is already in use");
    }
    long started = System.nanoTime();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            // zonky turns these off for throw-away test databases; ours keeps data.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100");
    if (port != 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, postgres);
    try {
      server.createDatabaseIfMissing();
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw new IllegalStateException("Cannot create database " + DATABASE, e);
    }
    LOG.info(
        "PostgreSQL on {} started in {} ms, data in {}",
        server.jdbcUrl(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        dir);
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return postgres.getPort();
  }

  /** The JDBC URL of the database {@value #DATABASE}. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /** The JDBC URL of another database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** How to reach the database {@value #DATABASE}. */
  public PostgresConfig postgresConfig() {
    return postgresConfig(DATABASE);
  }

  /** How to reach another database on this server (see {@link #createDatabase}). */
  public PostgresConfig postgresConfig(String database) {
    return new PostgresConfig(jdbcUrl(database), USER, "");
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates a database if it does not exist, e.g. one per test class.
   *
   * @param database a plain identifier (letters, digits, underscore)
   */
  public void createDatabase(String database) throws SQLException {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + database + "\"");
      }
      LOG.info("Created database {}", database);
    }
  }

  /** Stops the server (fast shutdown: open transactions are rolled back). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    try {
      postgres.close();
      LOG.info(
          "PostgreSQL on port {} stopped in {} ms",
          postgres.getPort(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (IOException e) {
      LOG.warn("PostgreSQL did not stop cleanly", e);
    }
  }

  private void createDatabaseIfMissing() throws SQLException {
    createDatabase(DATABASE);
  }

  /**
   * A server whose JVM was killed keeps running and holds the data directory; pg_ctl would then
   * refuse to start. Its pid is the first line of {@code postmaster.pid}.
   */
  private static void stopOrphanedServer(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .ifPresent(
            handle -> {
              LOG.warn("Stopping a PostgreSQL server left running by a previous run (pid {})", pid);
              // SIGTERM is PostgreSQL's "smart" shutdown; the killed JVM's sessions are gone.
              handle.destroy();
              try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (Exception e) {
                LOG.warn("PostgreSQL (pid {}) did not stop in {}, killing it", pid, STOP_TIMEOUT);
                handle.destroyForcibly();
                handle.onExit().join();
              }
            });
  }
}
