package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.soak.Checkpoints;
import io.wearflow.infra.soak.DayTotal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-day job survives the crash of its TaskManager in the middle of a 100,000-sample stream
 * ({@link DeterministicSamples}): after at least three checkpoints taken while the stream flows,
 * the MiniCluster's only TaskManager is terminated (every task dies, as when its process is killed)
 * and a new one started; the job restores its last completed checkpoint and replays from the
 * offsets stored in it. The table and both Parquet datasets must then equal the ground truth: no
 * sample lost, none counted or exported twice. {@link StackKillITCase} kills the whole stack.
 */
class CrashRecoveryITCase {

  @TempDir Path dataDir;

  @Test
  void taskManagerCrashMidStreamLosesAndDoublesNothing() throws Exception {
    DeterministicSamples stream = new DeterministicSamples();
    Map<String, DayTotal> expected = stream.expectedUserDays();

    try (LocalStack stack = LocalStack.start(TestStacks.config(dataDir))) {
      MiniCluster flink = stack.flink().orElseThrow().miniCluster();
      Path checkpoints = stack.config().checkpointsDir(LocalStack.USER_DAY_JOB);
      int before = Checkpoints.newest(checkpoints);

      CompletableFuture<Void> feeding =
          CompletableFuture.runAsync(
              () ->
                  stream.feed(
                      stack.endpoints().kafkaBootstrapServers(), stack.endpoints().registry()));
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThanOrEqualTo(before + 3));
      assertThat(feeding).as("the crash must come while samples still flow").isNotDone();
      flink.terminateTaskManager(0).get();
      flink.startTaskManager();
      feeding.get();

      assertWithin(
          Duration.ofMinutes(3),
          () ->
              assertThat(stream.storedUserDays(stack.endpoints().postgres())).isEqualTo(expected));
      // Parquet files are committed by the checkpoint after the records: wait for two more.
      int afterTable = Checkpoints.newest(checkpoints);
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThan(afterTable + 1));
      stream.assertParquetExportsExact(stack.config().exportsDir());
    }
  }
}
