package io.wearflow.jobs;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.jobs.userday.UserDayJobOptions;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * What every wearflow job does with its options: read them checked, so that a wrong value fails the
 * submission with the option's key, and assemble them on a cluster from the Flink configuration and
 * the program arguments.
 */
public final class JobOptions {

  /** A job's environment on a cluster with the options it runs with. */
  public record ClusterRun(StreamExecutionEnvironment env, Configuration config) {}

  private JobOptions() {}

  /** The schema registry every job reads ({@code wearflow.schema-registry.url}), checked. */
  public static SchemaRegistryConfig registry(ReadableConfig config) {
    String url = text(config, UserDayJobOptions.SCHEMA_REGISTRY_URL);
    return named(UserDayJobOptions.SCHEMA_REGISTRY_URL, () -> SchemaRegistryConfig.of(url));
  }

  /** The PostgreSQL database every job writes ({@code wearflow.jdbc.*}), checked. */
  public static PostgresConfig postgres(ReadableConfig config) {
    String url = text(config, UserDayJobOptions.JDBC_URL);
    String user = text(config, UserDayJobOptions.JDBC_USER);
    return named(
        UserDayJobOptions.JDBC_URL,
        () -> new PostgresConfig(url, user, config.get(UserDayJobOptions.JDBC_PASSWORD)));
  }

  /** The value of {@code option}, which must not be blank. */
  public static String text(ReadableConfig config, ConfigOption<String> option) {
    String value = config.get(option);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option.key() + " must not be blank");
    }
    return value.trim();
  }

  /** The value of {@code option}, which must be at least 1. */
  public static int positive(ReadableConfig config, ConfigOption<Integer> option) {
    int value = config.get(option);
    if (value < 1) {
      throw new IllegalArgumentException(option.key() + " must be at least 1, not " + value);
    }
    return value;
  }

  /** The value of {@code option}, which must be longer than zero. */
  public static Duration positiveDuration(ReadableConfig config, ConfigOption<Duration> option) {
    Duration value = config.get(option);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(option.key() + " must be positive, not " + value);
    }
    return value;
  }

  /** Builds a connector setting, naming {@code option} when it refuses the value. */
  public static <T> T named(ConfigOption<?> option, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option.key() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The environment and options of a job started on a cluster: options come from the Flink
   * configuration and from program arguments ({@code --wearflow.kafka.bootstrap-servers
   * kafka:9092}), the arguments winning; checkpointing defaults to {@code checkpointInterval} when
   * the cluster does not set {@code execution.checkpointing.interval}.
   */
  public static ClusterRun forCluster(String[] args, Duration checkpointInterval) {
    Configuration arguments = Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(arguments);
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      env.enableCheckpointing(checkpointInterval.toMillis());
    }
    Configuration config = Configuration.fromMap(env.getConfiguration().toMap());
    config.addAll(arguments);
    return new ClusterRun(env, config);
  }
}
