package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the summary lines of Kafka's ProducerPerformance (format of kafka-tools 4.2). */
class KafkaProducerPerfTestTest {

  @Test
  void readsTheTotalSummary() {
    String line =
        "6027369 records sent, 273350.123456 records/sec (20.59 MB/sec), 688.12 ms avg latency,"
            + " 1800.00 ms max latency, 688 ms 50th, 1400 ms 95th, 1523 ms 99th, 1700 ms 99.9th.";

    assertThat(KafkaProducerPerfTest.parse(line))
        .hasValueSatisfying(
            summary -> {
              assertThat(summary.records()).isEqualTo(6_027_369);
              assertThat(summary.recordsPerSecond()).isEqualTo(273350.123456);
              assertThat(summary.avgLatencyMs()).isEqualTo(688.12);
              assertThat(summary.p50Ms()).isEqualTo(688);
              assertThat(summary.p99Ms()).isEqualTo(1523);
              assertThat(summary.steadyState()).isFalse();
            });
  }

  @Test
  void readsTheSteadyStateSummary() {
    String line =
        "5241190 steady state records sent, 280001.5 records/sec (21.10 MB/sec), 650.00 ms avg"
            + " latency, 1700.00 ms max latency, 640 ms 50th, 1300 ms 95th, 1500 ms 99th, 1650 ms"
            + " 99.9th.";

    assertThat(KafkaProducerPerfTest.parse(line))
        .hasValueSatisfying(
            summary -> {
              assertThat(summary.records()).isEqualTo(5_241_190);
              assertThat(summary.recordsPerSecond()).isEqualTo(280001.5);
              assertThat(summary.p99Ms()).isEqualTo(1500);
              assertThat(summary.steadyState()).isTrue();
            });
  }

  @Test
  void periodicReportsAndLogLinesAreNotSummaries() {
    assertThat(
            KafkaProducerPerfTest.parse(
                "1309426 records sent, 261885.2 records/sec (19.73 MB/sec), 1208.4 ms avg latency,"
                    + " 1640.0 ms max latency."))
        .isEmpty();
    assertThat(KafkaProducerPerfTest.parse("INFO ProducerConfig values: acks = -1")).isEmpty();
  }
}
