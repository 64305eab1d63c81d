package io.wearflow.jobs.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Building the production job from configuration; nothing is connected or run. */
class SessionsJobTest {

  @Test
  void everySourceOperatorAndSinkHasAStableUid() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    SessionsJob.fromConfiguration(new Configuration()).addTo(env);

    List<StreamNode> nodes = List.copyOf(env.getStreamGraph().getStreamNodes());

    assertThat(nodes).allSatisfy(node -> assertThat(node.getTransformationUID()).isNotBlank());
    assertThat(nodes)
        .extracting(StreamNode::getTransformationUID)
        .contains(
            SessionsJob.SOURCE,
            SessionsJob.DECODE,
            SessionsJob.CHECK,
            SessionsJob.SESSION_SINK,
            SessionsJob.DEAD_LETTER_SINK);
  }

  @Test
  void sharesTheConnectionOptionsOfTheUserDayJob() {
    assertThat(SessionsJobOptions.KAFKA_BOOTSTRAP_SERVERS.key())
        .isEqualTo("wearflow.kafka.bootstrap-servers");
    assertThat(SessionsJobOptions.JDBC_URL.key()).isEqualTo("wearflow.jdbc.url");
    assertThat(SessionsJobOptions.SESSIONS_TOPIC.defaultValue()).isEqualTo("sessions");
  }

  @Test
  void blankTopicStopsStartUpNamingTheKey() {
    Configuration config = new Configuration();
    config.set(SessionsJobOptions.SESSIONS_TOPIC, " ");

    assertThatThrownBy(() -> SessionsJob.fromConfiguration(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wearflow.sessions.sessions-topic must not be blank");
  }

  @Test
  void nonPostgresJdbcUrlStopsStartUpNamingTheKey() {
    Configuration config = new Configuration();
    config.set(SessionsJobOptions.JDBC_URL, "jdbc:mysql://db/wearflow");

    assertThatThrownBy(() -> SessionsJob.fromConfiguration(config))
        .hasMessage("wearflow.jdbc.url: not a PostgreSQL JDBC url: jdbc:mysql://db/wearflow");
  }

  @Test
  void nonPositiveSinkSettingsStopStartUpNamingTheKey() {
    Configuration rows = new Configuration();
    rows.set(SessionsJobOptions.SINK_MAX_BUFFERED_ROWS, 0);
    Configuration interval = new Configuration();
    interval.set(SessionsJobOptions.SINK_FLUSH_INTERVAL, Duration.ZERO);

    assertThatThrownBy(() -> SessionsJob.fromConfiguration(rows))
        .hasMessage("wearflow.sessions.sink.max-buffered-rows must be at least 1, not 0");
    assertThatThrownBy(() -> SessionsJob.fromConfiguration(interval))
        .hasMessage("wearflow.sessions.sink.flush-interval must be positive, not PT0S");
  }
}
