package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.soak.Checkpoints;
import io.wearflow.infra.soak.DayTotal;
import io.wearflow.infra.soak.StackBanner;
import io.wearflow.infra.soak.StackProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local stack, as {@code ./wearflow up} runs it (its own JVM, with the registry and
 * PostgreSQL as child processes), is killed with SIGKILL in the middle of a 100,000-sample stream
 * after at least three checkpoints, and started again on the same data directory: the orphaned
 * children are stopped, the broker recovers its log, the job resumes from its newest retained
 * checkpoint, and table and Parquet files end equal to the ground truth ({@link
 * DeterministicSamples}). {@code ./wearflow soak} does the same for longer, through the HTTP edge.
 */
class StackKillITCase {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  @TempDir Path dataDir;
  @TempDir Path logDir;

  private StackProcess stack;

  @AfterEach
  void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void killingTheStackMidStreamLosesAndDoublesNothing() throws Exception {
    StackProcess.writeConfig(
        dataDir,
        Map.of(
            "flink.checkpoint.interval", "500ms",
            "http.auth.bcrypt-cost", "4",
            "admin.password", TestStacks.ADMIN_PASSWORD));
    DeterministicSamples stream = new DeterministicSamples();
    Map<String, DayTotal> expected = stream.expectedUserDays();
    Path checkpoints = dataDir.resolve("checkpoints").resolve(LocalStack.USER_DAY_JOB);

    StackBanner first = start("first");
    int before = Checkpoints.newest(checkpoints);
    CompletableFuture<Void> feeding =
        CompletableFuture.runAsync(() -> stream.feed(first.kafkaBootstrap(), first.registry()));
    assertWithin(
        Duration.ofSeconds(90),
        () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThanOrEqualTo(before + 3));
    assertThat(feeding).as("the kill must come while samples still flow").isNotDone();
    stack.kill();
    // The producer cannot finish against a dead broker; what it did not write is sent again below.
    feeding.handle((ok, error) -> null).join();

    StackBanner second = start("second");
    // Re-sending the whole stream is what a client does after an outage: identities dedupe it.
    stream.feed(second.kafkaBootstrap(), second.registry());
    PostgresConfig postgres = second.postgres();
    assertWithin(
        Duration.ofMinutes(3),
        () -> assertThat(stream.storedUserDays(postgres)).isEqualTo(expected));
    int afterTable = Checkpoints.newest(checkpoints);
    assertWithin(
        Duration.ofSeconds(60),
        () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThan(afterTable + 1));
    stream.assertParquetExportsExact(dataDir.resolve("exports"));
  }

  /** Starts the stack JVM and returns its banner. */
  private StackBanner start(String name) throws Exception {
    stack = StackProcess.start(dataDir, logDir.resolve(name + ".out"), START_TIMEOUT);
    return stack.banner();
  }
}
