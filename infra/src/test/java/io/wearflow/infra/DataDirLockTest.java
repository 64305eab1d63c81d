package io.wearflow.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir Path dir;

  @Test
  void secondStackOnTheSameDirectoryIsRefusedUntilTheFirstStops() throws Exception {
    try (DataDirLock first = DataDirLock.acquire(dir)) {
      assertThatThrownBy(() -> DataDirLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Another wearflow is running on "
                  + dir
                  + " (it holds "
                  + dir.resolve("wearflow.lock")
                  + ")");
    }
    DataDirLock.acquire(dir).close();
  }
}
