package io.wearflow.infra.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

  private static final String RUN_A = "0123456789abcdef0123456789abcdef";
  private static final String RUN_B = "fedcba9876543210fedcba9876543210";

  @TempDir Path dir;

  @Test
  void noDirectoryMeansNoCheckpoint() {
    assertThat(RetainedCheckpoints.latest(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void newestCompletedCheckpointWinsAcrossRuns() throws IOException {
    checkpoint(RUN_A, 7, "2026-01-01T10:00:00Z");
    checkpoint(RUN_B, 2, "2026-01-01T11:00:00Z");
    checkpoint(RUN_A, 8, "2026-01-01T10:30:00Z");

    assertThat(RetainedCheckpoints.latest(dir)).contains(dir.resolve(RUN_B).resolve("chk-2"));
  }

  @Test
  void checkpointWithoutMetadataIsIncomplete() throws IOException {
    checkpoint(RUN_A, 3, "2026-01-01T10:00:00Z");
    Files.createDirectories(dir.resolve(RUN_B).resolve("chk-4"));
    Files.createDirectories(dir.resolve(RUN_B).resolve("shared"));

    assertThat(RetainedCheckpoints.latest(dir)).contains(dir.resolve(RUN_A).resolve("chk-3"));
  }

  @Test
  void sameCompletionTimeIsDecidedByTheCheckpointNumber() throws IOException {
    checkpoint(RUN_A, 9, "2026-01-01T10:00:00Z");
    checkpoint(RUN_A, 10, "2026-01-01T10:00:00Z");

    assertThat(RetainedCheckpoints.latest(dir)).contains(dir.resolve(RUN_A).resolve("chk-10"));
  }

  @Test
  void pruningKeepsTheRestoredRunAndForeignDirectories() throws IOException {
    Path restored = checkpoint(RUN_B, 2, "2026-01-01T11:00:00Z");
    checkpoint(RUN_A, 7, "2026-01-01T10:00:00Z");
    Files.createDirectories(dir.resolve("savepoints"));

    assertThat(RetainedCheckpoints.pruneRunsOtherThan(dir, restored))
        .containsExactly(dir.resolve(RUN_A));
    assertThat(dir.resolve(RUN_A)).doesNotExist();
    assertThat(restored.resolve("_metadata")).exists();
    assertThat(dir.resolve("savepoints")).exists();
  }

  private Path checkpoint(String run, int number, String completedAt) throws IOException {
    Path chk = Files.createDirectories(dir.resolve(run).resolve("chk-" + number));
    Path metadata = Files.writeString(chk.resolve("_metadata"), "m");
    Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(completedAt)));
    return chk;
  }
}
