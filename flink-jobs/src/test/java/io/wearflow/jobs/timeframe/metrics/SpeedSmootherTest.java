package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeedSmootherTest {

  @Test
  void averagesTheSpeedsOfTheWindow() {
    SpeedSmoother smoother = new SpeedSmoother(300);

    assertThat(smoother.add(0, 1.0)).isEqualTo(1.0);
    assertThat(smoother.add(100, 2.0)).isEqualTo(1.5);
    assertThat(smoother.add(200, 6.0)).isEqualTo(3.0);
    // window (0, 300]: the frame at 0 has left; (2 + 6 + 4) / 3
    assertThat(smoother.add(300, 4.0)).isEqualTo(4.0);
    // window (700, 1000]: only the new frame
    assertThat(smoother.add(1000, 8.0)).isEqualTo(8.0);
  }

  @Test
  void zeroWindowPassesSpeedsThrough() {
    SpeedSmoother smoother = new SpeedSmoother(0);

    assertThat(smoother.add(0, 1.0)).isEqualTo(1.0);
    assertThat(smoother.add(100, 3.0)).isEqualTo(3.0);
    assertThat(smoother.add(200, Double.NaN)).isNaN();
  }

  @Test
  void unknownSpeedsAreLeftOutAndResetForgetsTheWindow() {
    SpeedSmoother smoother = new SpeedSmoother(500);

    assertThat(smoother.add(0, Double.NaN)).isNaN();
    assertThat(smoother.add(100, 2.0)).isEqualTo(2.0);
    assertThat(smoother.add(200, Double.NaN)).isEqualTo(2.0);
    smoother.reset();
    assertThat(smoother.add(300, 5.0)).isEqualTo(5.0);
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    SpeedSmoother smoother = new SpeedSmoother(10_000);
    double last = 0;
    for (int i = 1; i <= 40; i++) {
      last = smoother.add(i * 100L, i);
    }
    // mean of 1..40
    assertThat(last).isEqualTo(20.5);
  }
}
