package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local stack, as {@code ./wearflow up} runs it (its own JVM, with the registry and
 * PostgreSQL as child processes), is killed with SIGKILL in the middle of a 100,000-sample stream
 * after at least three checkpoints, and started again on the same data directory: the orphaned
 * children are stopped, the broker recovers its log, the job resumes from its newest retained
 * checkpoint, and table and Parquet files end equal to the ground truth ({@link
 * DeterministicSamples}).
 */
class StackKillITCase {

  private static final Pattern BANNER_LINE = Pattern.compile("^\\s{2}(\\S.*?)\\s{2,}(\\S.*)$");

  @TempDir Path dataDir;
  @TempDir Path logDir;

  private Process stack;

  @AfterEach
  void stopStack() throws Exception {
    if (stack != null && stack.isAlive()) {
      stack.destroy();
      if (!stack.waitFor(60, TimeUnit.SECONDS)) {
        stack.destroyForcibly();
      }
    }
  }

  @Test
  void killingTheStackMidStreamLosesAndDoublesNothing() throws Exception {
    writeConfig();
    DeterministicSamples stream = new DeterministicSamples();
    Map<String, String> expected = stream.expectedUserDays();
    Path checkpoints = dataDir.resolve("checkpoints").resolve(LocalStack.USER_DAY_JOB);

    Map<String, String> first = start("first");
    int before = Checkpoints.newest(checkpoints);
    CompletableFuture<Void> feeding =
        CompletableFuture.runAsync(
            () ->
                stream.feed(
                    first.get("Kafka bootstrap"),
                    SchemaRegistryConfig.of(first.get("Schema registry"))));
    assertWithin(
        Duration.ofSeconds(90),
        () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThanOrEqualTo(before + 3));
    assertThat(feeding).as("the kill must come while samples still flow").isNotDone();
    stack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    // The producer cannot finish against a dead broker; what it did not write is sent again below.
    feeding.handle((ok, error) -> null).join();

    Map<String, String> second = start("second");
    // Re-sending the whole stream is what a client does after an outage: identities dedupe it.
    stream.feed(
        second.get("Kafka bootstrap"), SchemaRegistryConfig.of(second.get("Schema registry")));
    PostgresConfig postgres = postgres(second.get("PostgreSQL"));
    assertWithin(
        Duration.ofMinutes(3),
        () -> assertThat(DeterministicSamples.storedUserDays(postgres)).isEqualTo(expected));
    int afterTable = Checkpoints.newest(checkpoints);
    assertWithin(
        Duration.ofSeconds(60),
        () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThan(afterTable + 1));
    stream.assertParquetExportsExact(dataDir.resolve("exports"));
  }

  private void writeConfig() throws IOException {
    Map<String, String> values =
        Map.of(
            "http.port", "0",
            "kafka.port", "0",
            "kafka.controller.port", "0",
            "registry.port", "0",
            "postgres.port", "0",
            "flink.ui.port", "0",
            "flink.checkpoint.interval", "500ms",
            "http.auth.bcrypt-cost", "4",
            "admin.password", TestStacks.ADMIN_PASSWORD);
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(dataDir.resolve("wearflow.properties"), text.toString());
  }

  /** Starts the stack JVM and returns its banner ("Kafka bootstrap" -> "127.0.0.1:..."). */
  private Map<String, String> start(String name) throws Exception {
    Path log = logDir.resolve(name + ".out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LocalStack.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("WEARFLOW_DATA_DIR", dataDir.toString());
    builder.environment().remove("WEARFLOW_CONFIG");
    stack = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (out.contains(LocalStack.READY_LINE)) {
        return banner(out);
      }
      if (!stack.isAlive()) {
        throw new AssertionError("the stack exited with " + stack.exitValue() + ":\n" + out);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the stack did not become ready:\n" + Files.readString(log));
  }

  private static Map<String, String> banner(String out) {
    Map<String, String> lines = new java.util.HashMap<>();
    for (String line : out.split("\n")) {
      Matcher m = BANNER_LINE.matcher(line);
      if (m.matches()) {
        lines.put(m.group(1).trim(), m.group(2).trim());
      }
    }
    return lines;
  }

  /** "jdbc:postgresql://127.0.0.1:5432/wearflow (user postgres)" as a config. */
  private static PostgresConfig postgres(String bannerValue) {
    String url = bannerValue.substring(0, bannerValue.indexOf(' '));
    String user =
        bannerValue.substring(bannerValue.indexOf("(user ") + 6, bannerValue.length() - 1);
    return new PostgresConfig(url, user, null);
  }
}
