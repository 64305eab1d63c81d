package io.wearflow.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.LocalStack;
import io.wearflow.infra.config.ConfigLoader;
import io.wearflow.infra.config.WearflowConfig;
import io.wearflow.infra.flink.RetainedCheckpoints;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Local stacks for the end-to-end tests: every port 0 (a {@code ./wearflow up} on the default ports
 * may be running), checkpoints every 500 ms so results show up fast, cheap password hashing.
 */
public final class TestStacks {

  public static final String ADMIN_PASSWORD = "local-admin-pw";

  private TestStacks() {}

  /** The configuration of a local stack keeping its data in {@code dataDir}. */
  public static WearflowConfig config(Path dataDir) {
    return config(dataDir, Map.of());
  }

  /** {@link #config(Path)} with some keys set otherwise (e.g. an external Kafka). */
  public static WearflowConfig config(Path dataDir, Map<String, String> overrides) {
    Map<String, String> values =
        new java.util.HashMap<>(
            Map.ofEntries(
                Map.entry("data.dir", dataDir.toString()),
                Map.entry("http.port", "0"),
                Map.entry("kafka.port", "0"),
                Map.entry("kafka.controller.port", "0"),
                Map.entry("registry.port", "0"),
                Map.entry("postgres.port", "0"),
                Map.entry("flink.ui.port", "0"),
                Map.entry("flink.checkpoint.interval", "500ms"),
                Map.entry("http.auth.bcrypt-cost", "4"),
                Map.entry("admin.password", ADMIN_PASSWORD)));
    values.putAll(overrides);
    return ConfigLoader.fromValues(values);
  }

  /** The HTTP API of a running stack. */
  public static WearflowApi api(LocalStack stack) {
    return new WearflowApi(stack.endpoints().httpUrl().orElseThrow());
  }

  /**
   * Waits until the user-day job completes a checkpoint after the newest one retained now, so that
   * whatever it had processed before the call is committed (Parquet files included).
   */
  public static void awaitNextCheckpoint(LocalStack stack) throws Exception {
    Path dir = stack.config().checkpointsDir(LocalStack.USER_DAY_JOB);
    Optional<Path> before = RetainedCheckpoints.latest(dir);
    Eventually.assertThatEventually(
        () -> assertThat(RetainedCheckpoints.latest(dir)).isPresent().isNotEqualTo(before));
  }
}
