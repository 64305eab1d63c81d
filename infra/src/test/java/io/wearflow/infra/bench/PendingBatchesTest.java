package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingBatchesTest {

  @Test
  void dataReachingABatchsLastFrameCompletesItAndEveryEarlierOne() {
    PendingBatches batches = new PendingBatches();
    batches.accepted(1_000, 10_000_000);
    batches.accepted(1_160, 170_000_000);
    batches.accepted(1_320, 330_000_000);
    LatencyRecorder latencies = new LatencyRecorder();

    assertThat(batches.readable(1_200, 400_000_000, latencies)).isEqualTo(2);

    Percentiles p = latencies.percentiles();
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.millisAt(50)).isEqualTo(230.0);
    assertThat(p.millisAt(100)).isEqualTo(390.0);
    assertThat(batches.size()).isEqualTo(1);
  }

  @Test
  void dataOlderThanTheOldestBatchCompletesNothing() {
    PendingBatches batches = new PendingBatches();
    batches.accepted(1_000, 10_000_000);
    LatencyRecorder latencies = new LatencyRecorder();

    assertThat(batches.readable(999, 20_000_000, latencies)).isZero();
    assertThat(batches.size()).isEqualTo(1);
  }

  @Test
  void dataReadBeforeTheAcceptWasSeenCountsAsNoWait() {
    PendingBatches batches = new PendingBatches();
    batches.accepted(1_000, 50_000_000);
    LatencyRecorder latencies = new LatencyRecorder();

    batches.readable(1_000, 40_000_000, latencies);

    assertThat(latencies.percentiles().at(100)).isZero();
  }
}
