package io.wearflow.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneFlinkClusterTest {

  @Test
  void writtenConfigurationReadsBackThroughFlinksOwnLoader(@TempDir Path dir) throws Exception {
    Map<String, String> config = StandaloneFlinkCluster.defaults(dir, 18081, 16123, 2);
    config.put("execution.checkpointing.dir", "s3://bucket/wearflow/checkpoints");
    config.put("wearflow.note", "it's quoted: yes");
    Files.writeString(dir.resolve("config.yaml"), StandaloneFlinkCluster.yaml(config));

    Configuration read = GlobalConfiguration.loadConfiguration(dir.toString());

    assertThat(read.get(RestOptions.PORT)).isEqualTo(18081);
    assertThat(read.get(JobManagerOptions.PORT)).isEqualTo(16123);
    assertThat(read.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
    assertThat(read.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
        .isEqualTo(MemorySize.parse("128m"));
    assertThat(read.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo("s3://bucket/wearflow/checkpoints");
    assertThat(read.getString("wearflow.note", null)).isEqualTo("it's quoted: yes");
  }

  @Test
  void defaultMemoryFitsASmallMachine(@TempDir Path dir) {
    Configuration config =
        Configuration.fromMap(StandaloneFlinkCluster.defaults(dir, 18081, 16123, 2));

    // Heap, off-heap, metaspace and JVM overhead: what the JVMs may take at most.
    MemorySize jobManager =
        JobManagerProcessUtils.processSpecFromConfig(config).getTotalProcessMemorySize();
    MemorySize taskManager =
        TaskExecutorProcessUtils.processSpecFromConfig(config).getTotalProcessMemorySize();

    assertThat(jobManager.getMebiBytes()).isBetween(500, 800);
    assertThat(taskManager.getMebiBytes()).isBetween(700, 1100);
  }
}
