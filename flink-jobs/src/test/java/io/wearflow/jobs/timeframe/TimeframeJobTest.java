package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Building the production job from configuration; nothing is connected or run. */
class TimeframeJobTest {

  @Test
  void everySourceOperatorAndSinkHasAStableUid() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TimeframeJob.fromConfiguration(new Configuration()).addTo(env);

    List<StreamNode> nodes = List.copyOf(env.getStreamGraph().getStreamNodes());

    assertThat(nodes).allSatisfy(node -> assertThat(node.getTransformationUID()).isNotBlank());
    assertThat(nodes)
        .extracting(StreamNode::getTransformationUID)
        .contains(
            TimeframeJob.TRACKING_SOURCE,
            TimeframeJob.TIMEFRAMES_SOURCE,
            TimeframeJob.DECODE_TRACKING,
            TimeframeJob.DECODE_TIMEFRAMES,
            TimeframeJob.ROUTE,
            TimeframeJob.COMPUTE,
            TimeframeJob.TABLE_SINK,
            TimeframeJob.TOPIC_SINK,
            TimeframeJob.DEAD_LETTER_SINK);
  }

  @Test
  void defaultsAreTheTopicsOfTheCatalogueAndTheBriefsTimings() {
    assertThat(TimeframeJobOptions.TRACKING_TOPIC.defaultValue()).isEqualTo("tracking");
    assertThat(TimeframeJobOptions.TIMEFRAMES_TOPIC.defaultValue()).isEqualTo("timeframes");
    assertThat(TimeframeJobOptions.COMPUTED_DATA_TOPIC.defaultValue()).isEqualTo("computed-data");
    assertThat(TimeframeJobOptions.KAFKA_BOOTSTRAP_SERVERS.key())
        .isEqualTo("wearflow.kafka.bootstrap-servers");
    // Live latency (issue 6): a frame's data must be readable within 100 ms at the median.
    assertThat(TimeframeJob.Settings.DEFAULT.emitInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(TimeframeJobOptions.SINK_FLUSH_INTERVAL.defaultValue())
        .isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void invalidDurationsStopStartUpNamingTheKey() {
    Configuration lateness = new Configuration();
    lateness.set(TimeframeJobOptions.ALLOWED_LATENESS, Duration.ofSeconds(-1));
    Configuration retention = new Configuration();
    retention.set(TimeframeJobOptions.FRAME_RETENTION, Duration.ZERO);

    assertThatThrownBy(() -> TimeframeJob.fromConfiguration(lateness))
        .hasMessage("wearflow.timeframe.allowed-lateness must not be negative, not PT-1S");
    assertThatThrownBy(() -> TimeframeJob.fromConfiguration(retention))
        .hasMessage("wearflow.timeframe.frame-retention must be positive, not PT0S");
  }
}
