package io.wearflow.infra.registry;

import io.wearflow.infra.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local schema registry: Apicurio Registry 2.6 (Confluent-compatible REST API under {@code
 * /apis/ccompat/v7}) as a child JVM, with a file H2 database in the data directory so subjects and
 * ids survive restarts, and the global BACKWARD compatibility rule. The child's output goes to
 * {@code <dataDir>/registry.log} (the previous run's to {@code registry.log.1}); its pid is kept in
 * {@code <dataDir>/registry.pid} so that a child orphaned by a killed parent is stopped at the next
 * start.
 *
 * <p>The app (runner jar and {@code lib/}) is unpacked by the build into {@code
 * infra/target/apicurio}; the system property {@value #HOME_PROPERTY} points elsewhere.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

  /** System property naming the directory holding the Apicurio runner jar. */
  public static final String HOME_PROPERTY = "wearflow.apicurio.home";

  private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistryProcess.class);
  private static final String RUNNER_GLOB = "apicurio-registry-app-*-runner.jar";
  private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path dataDir;
  private final int port;
  private final Process process;
  private final ClassArchive archive;
  private boolean closed;

  private ApicurioRegistryProcess(Path dataDir, int port, Process process, ClassArchive archive) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
    this.archive = archive;
  }

  /**
   * Starts the registry and waits until its Confluent API answers (about 1.5 s with the class
   * archive of an earlier run, 4-6 s without, at most 60 s).
   *
   * @param dataDir directory for the database, log and pid file (created if missing)
   * @param port HTTP port on 127.0.0.1, 0 = any free port
   */
  public static ApicurioRegistryProcess start(Path dataDir, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path pidFile = dir.resolve("registry.pid");
    stopStaleChild(pidFile);

    Path runner = findRunnerJar();
    int httpPort = FreePorts.orUnused(port);
    if (FreePorts.inUse(httpPort)) {
      throw new IllegalStateException(
          "Cannot start the schema registry: port " + httpPort + " is already in use");
    }
    Path log = dir.resolve("registry.log");
    if (Files.exists(log)) {
      Files.move(log, dir.resolve("registry.log.1"), StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    // C1 only: starts in about 3.5 s instead of 5 s and the registry is lightly used.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dquarkus.http.port=" + httpPort);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dregistry.rules.global.compatibility=BACKWARD");
    ClassArchive archive = ClassArchive.of(runner);
    command.add(archive.jvmOption());
    command.add("-jar");
    command.add(runner.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder
        .environment()
        .put("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("registry_db"));

    long started = System.nanoTime();
    Process process = builder.start();
    Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
    ApicurioRegistryProcess registry = new ApicurioRegistryProcess(dir, httpPort, process, archive);
    try {
      registry.awaitReady(log);
    } catch (RuntimeException | IOException e) {
      registry.close();
      throw e;
    }
    LOG.info(
        "Schema registry (Apicurio, pid {}) on {} started in {} ms, data in {}",
        process.pid(),
        registry.confluentUrl(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        dir);
    return registry;
  }

  /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:18081/apis/ccompat/v7}. */
  public String confluentUrl() {
    return "http://127.0.0.1:" + port + CCOMPAT_PATH;
  }

  /** The HTTP port. */
  public int port() {
    return port;
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the child is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The directory of the database and log. */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the child: SIGTERM, then SIGKILL after 10 s. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(process.toHandle());
    archive.publish();
    try {
      Files.deleteIfExists(dataDir.resolve("registry.pid"));
    } catch (IOException e) {
      LOG.warn("Cannot delete {}", dataDir.resolve("registry.pid"), e);
    }
    LOG.info("Schema registry on port {} stopped", port);
  }

  /**
   * A class-data sharing archive of the registry's classes next to the runner jar, which halves its
   * start-up (about 1.5 s instead of 3 s). The first run records it at exit under a temporary name;
   * close publishes it atomically, so concurrent registries never read a half-written archive. An
   * archive older than the runner jar (a new build) is recorded again.
   */
  private record ClassArchive(Path archive, Path pending) {

    static ClassArchive of(Path runner) {
      Path dir = runner.getParent();
      Path archive = dir.resolve("registry.jsa");
      try {
        if (Files.isRegularFile(archive)
            && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(runner))
                >= 0) {
          return new ClassArchive(archive, null);
        }
      } catch (IOException e) {
        LOG.debug("Cannot read {}", archive, e);
      }
      if (!Files.isWritable(dir)) {
        return new ClassArchive(null, null);
      }
      deleteStalePendingArchives(dir);
      return new ClassArchive(archive, dir.resolve("registry-" + UUID.randomUUID() + ".jsa.tmp"));
    }

    String jvmOption() {
      if (archive == null) {
        return "-Xshare:auto";
      }
      return pending == null
          ? "-XX:SharedArchiveFile=" + archive
          : "-XX:ArchiveClassesAtExit=" + pending;
    }

    /** Left by registries whose parent was killed; a running first start takes seconds. */
    private static void deleteStalePendingArchives(Path dir) {
      FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
      try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "registry-*.jsa.tmp")) {
        for (Path file : stale) {
          if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
            Files.deleteIfExists(file);
          }
        }
      } catch (IOException e) {
        LOG.debug("Cannot clean {}", dir, e);
      }
    }

    void publish() {
      if (pending == null || !Files.exists(pending)) {
        return;
      }
      try {
        Files.move(
            pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        LOG.debug("Cannot publish {}", archive, e);
        try {
          Files.deleteIfExists(pending);
        } catch (IOException ignored) {
          // a stray temporary file
        }
      }
    }
  }

  /**
   * Finds the directory holding the runner jar: the system property {@value #HOME_PROPERTY}, else
   * {@code infra/target/apicurio} (or {@code target/apicurio}) under the working directory or above
   * the location of this class.
   */
  static Path findRunnerJar() {
    List<Path> candidates = new ArrayList<>();
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null && !home.isBlank()) {
      Path dir = Path.of(home);
      return runnerIn(dir)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No "
                          + RUNNER_GLOB
                          + " in "
                          + dir
                          + " (system property "
                          + HOME_PROPERTY
                          + ")"));
    }
    for (Path start : searchRoots()) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        candidates.add(dir.resolve("infra/target/apicurio"));
        candidates.add(dir.resolve("target/apicurio"));
        candidates.add(dir.resolve("apicurio"));
      }
    }
    for (Path candidate : candidates) {
      Optional<Path> runner = runnerIn(candidate);
      if (runner.isPresent()) {
        return runner.get();
      }
    }
    throw new IllegalStateException(
        "Cannot find the Apicurio Registry app ("
            + RUNNER_GLOB
            + "): build the infra module (mvn install) so that it is unpacked into"
            + " infra/target/apicurio, or set -D"
            + HOME_PROPERTY
            + "=<dir>");
  }

  private static List<Path> searchRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("").toAbsolutePath());
    try {
      var source = ApicurioRegistryProcess.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        roots.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      LOG.debug("Cannot locate the class location", e);
    }
    return roots;
  }

  private static Optional<Path> runnerIn(Path dir) {
    if (!Files.isDirectory(dir) || !Files.isDirectory(dir.resolve("lib"))) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, RUNNER_GLOB)) {
      for (Path jar : jars) {
        return Optional.of(jar.toAbsolutePath().normalize());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /** A registry child left behind by a killed parent still holds the port and the database. */
  private static void stopStaleChild(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
    Files.delete(pidFile);
    long pid;
    try {
      pid = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return;
    }
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        // The pid may have been reused by an unrelated process since.
        .filter(
            h -> h.info().commandLine().map(c -> c.contains("apicurio-registry-app")).orElse(false))
        .ifPresent(
            h -> {
              LOG.warn("Stopping a schema registry left running by a previous run (pid {})", pid);
              stop(h);
            });
  }

  private static void stop(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn(
          "Schema registry (pid {}) did not stop in {}, killing it", handle.pid(), STOP_TIMEOUT);
      handle.destroyForcibly();
      try {
        handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      } catch (Exception ignored) {
        // nothing more we can do
      }
    }
  }

  private void awaitReady(Path log) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(confluentUrl() + "/subjects"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Schema registry exited with code "
                + process.exitValue()
                + " during start-up; see "
                + log
                + ":\n"
                + tail(log));
      }
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
      }
    }
    throw new IllegalStateException(
        "Schema registry did not answer on "
            + confluentUrl()
            + " within "
            + READY_TIMEOUT.toSeconds()
            + " s; see "
            + log
            + ":\n"
            + tail(log));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
