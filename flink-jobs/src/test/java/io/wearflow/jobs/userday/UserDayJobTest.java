package io.wearflow.jobs.userday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Building the production job from configuration; nothing is connected or run. */
class UserDayJobTest {

  @Test
  void everySourceOperatorAndSinkHasAStableUid() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    UserDayJob.fromConfiguration(new Configuration()).addTo(env);

    List<StreamNode> nodes = List.copyOf(env.getStreamGraph().getStreamNodes());

    assertThat(nodes).allSatisfy(node -> assertThat(node.getTransformationUID()).isNotBlank());
    assertThat(nodes)
        .extracting(StreamNode::getTransformationUID)
        .contains(
            UserDayJob.SOURCE,
            UserDayJob.DECODE,
            UserDayJob.WATERMARKS,
            UserDayJob.SCREEN,
            UserDayJob.AGGREGATE,
            UserDayJob.TO_ROWS,
            UserDayJob.USER_DAY_SINK,
            UserDayJob.USER_DAY_EXPORT_SINK,
            UserDayJob.SAMPLE_SINK,
            UserDayJob.DEAD_LETTER_SINK);
  }

  @Test
  void blankOptionStopsStartUpNamingTheKey() {
    Configuration config = new Configuration();
    config.set(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS, " ");

    assertThatThrownBy(() -> UserDayJob.fromConfiguration(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wearflow.kafka.bootstrap-servers must not be blank");
  }

  @Test
  void invalidRegistryUrlStopsStartUpNamingTheKey() {
    Configuration config = new Configuration();
    config.set(UserDayJobOptions.SCHEMA_REGISTRY_URL, "ftp://registry");

    assertThatThrownBy(() -> UserDayJob.fromConfiguration(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "wearflow.schema-registry.url: schema registry url must be http(s): ftp://registry");
  }

  @Test
  void nonPostgresJdbcUrlStopsStartUpNamingTheKey() {
    Configuration config = new Configuration();
    config.set(UserDayJobOptions.JDBC_URL, "jdbc:mysql://db/wearflow");

    assertThatThrownBy(() -> UserDayJob.fromConfiguration(config))
        .hasMessage("wearflow.jdbc.url: not a PostgreSQL JDBC url: jdbc:mysql://db/wearflow");
  }

  @Test
  void nonPositiveSinkSettingsStopStartUpNamingTheKey() {
    Configuration rows = new Configuration();
    rows.set(UserDayJobOptions.SINK_MAX_BUFFERED_ROWS, 0);
    Configuration interval = new Configuration();
    interval.set(UserDayJobOptions.SINK_FLUSH_INTERVAL, Duration.ZERO);
    Configuration emit = new Configuration();
    emit.set(UserDayJobOptions.EMIT_INTERVAL, Duration.ofMillis(-1));

    assertThatThrownBy(() -> UserDayJob.fromConfiguration(rows))
        .hasMessage("wearflow.user-day.sink.max-buffered-rows must be at least 1, not 0");
    assertThatThrownBy(() -> UserDayJob.fromConfiguration(interval))
        .hasMessage("wearflow.user-day.sink.flush-interval must be positive, not PT0S");
    assertThatThrownBy(() -> UserDayJob.fromConfiguration(emit))
        .hasMessage("wearflow.user-day.emit-interval must be positive, not PT-0.001S");
  }

  @Test
  void exportsGoUnderTheBaseDirectoryWhichMayBeAPlainPath() {
    Configuration plain = new Configuration();
    plain.set(UserDayJobOptions.EXPORTS_BASE_DIR, "/var/wearflow/exports/");
    Configuration s3 = new Configuration();
    s3.set(UserDayJobOptions.EXPORTS_BASE_DIR, "s3://bucket/exports");

    assertThat(UserDayJobOptions.exportUri(plain, "samples"))
        .isEqualTo("file:///var/wearflow/exports/samples");
    assertThat(UserDayJobOptions.exportUri(plain, "user_days"))
        .isEqualTo("file:///var/wearflow/exports/user_days");
    assertThat(UserDayJobOptions.exportUri(s3, "samples")).isEqualTo("s3://bucket/exports/samples");
  }
}
