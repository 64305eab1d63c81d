package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfAHundredValuesIsTheValueAtThatRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100..1, unsorted on purpose
    }
    Percentiles p = Percentiles.of(values);
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.at(0.5)).isEqualTo(1);
  }

  @Test
  void fewValuesRoundTheRankUp() {
    Percentiles p = Percentiles.of(new long[] {30, 10, 20});
    // ranks: ceil(0.5 * 3) = 2, ceil(0.99 * 3) = 3
    assertThat(p.at(50)).isEqualTo(20);
    assertThat(p.at(99)).isEqualTo(30);
  }

  @Test
  void nanosecondsAreReportedInMilliseconds() {
    assertThat(Percentiles.of(new long[] {2_500_000}).millisAt(50)).isEqualTo(2.5);
  }

  @Test
  void noValuesHaveNoPercentile() {
    assertThatThrownBy(() -> Percentiles.of(new long[0]).at(50))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordedLatenciesKeepEveryValue() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 1; i <= 10_000; i++) {
      recorder.record(i);
    }
    Percentiles p = recorder.percentiles();
    assertThat(p.count()).isEqualTo(10_000);
    assertThat(p.at(99)).isEqualTo(9_900);
  }
}
