package io.wearflow.infra.soak;

import io.wearflow.infra.LocalStack;
import io.wearflow.infra.registry.ApicurioRegistryProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack as {@code ./wearflow up} runs it: its own JVM ({@link LocalStack#main}) on a data
 * directory, with the registry and PostgreSQL as its child processes, started on this JVM's
 * classpath and watched through its output until {@link LocalStack#READY_LINE}. {@link #kill()} is
 * a SIGKILL of the stack JVM alone: its children are orphaned, and the next start on the same data
 * directory stops them through their pid files.
 */
public final class StackProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final StackBanner banner;

  private StackProcess(Process process, StackBanner banner) {
    this.process = process;
    this.banner = banner;
  }

  /**
   * Writes {@code <dataDir>/wearflow.properties}: every port free (0) plus {@code settings}.
   *
   * @param settings further keys of the example properties file, e.g. {@code
   *     flink.checkpoint.interval}
   */
  public static void writeConfig(Path dataDir, Map<String, String> settings) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String port :
        List.of(
            "http.port",
            "kafka.port",
            "kafka.controller.port",
            "registry.port",
            "postgres.port",
            "flink.ui.port")) {
      values.put(port, "0");
    }
    values.putAll(settings);
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("wearflow.properties"), text.toString());
  }

  /**
   * Starts the stack on {@code dataDir} (configured by its {@code wearflow.properties}) and waits
   * until it is ready; its output goes to {@code log}.
   *
   * @throws IllegalStateException when it exits or is not ready within {@code timeout}; the message
   *     holds its output
   */
  public static StackProcess start(Path dataDir, Path log, Duration timeout)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(
        List.of(
            "-Xms256m",
            "-Xmx1g",
            "-XX:+UseParallelGC",
            "-XX:+ExitOnOutOfMemoryError",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED"));
    String apicurio = System.getProperty(ApicurioRegistryProcess.HOME_PROPERTY);
    if (apicurio != null) {
      command.add("-D" + ApicurioRegistryProcess.HOME_PROPERTY + "=" + apicurio);
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only the data directory's properties file configures it, whatever this shell exports.
    builder.environment().keySet().removeIf(name -> name.startsWith("WEARFLOW_"));
    builder.environment().put("WEARFLOW_DATA_DIR", dataDir.toAbsolutePath().toString());
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (out.contains(LocalStack.READY_LINE)) {
        return new StackProcess(process, StackBanner.parse(out));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the stack exited with " + process.exitValue() + ":\n" + out);
      }
      Thread.sleep(200);
    }
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    throw new IllegalStateException(
        "the stack was not ready within " + timeout + ":\n" + Files.readString(log));
  }

  /** Where the stack's parts can be reached. */
  public StackBanner banner() {
    return banner;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL of the stack JVM, as a crash or {@code kill -9}; returns once it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops the stack as Ctrl-C does (it stops its children), SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      kill();
    }
  }
}
