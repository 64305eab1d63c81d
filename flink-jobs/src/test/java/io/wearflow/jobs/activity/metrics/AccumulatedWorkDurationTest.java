package io.wearflow.jobs.activity.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccumulatedWorkDurationTest {

  @Test
  void equalsASortBasedComputationOnRandomPower() {
    Random random = new Random(11);
    double[] watts = new double[5000];
    for (int i = 0; i < watts.length; i++) {
      // whole watts, so many readings fall exactly on a level
      watts[i] =
          random.nextInt(20) == 0
              ? Double.NaN
              : Math.max(0, Math.round(220 + 90 * random.nextGaussian()));
    }
    SecondSeries series = new SecondSeries(ActivityMetric.POWER, 0, watts);
    double[] levels = AccumulatedWorkDuration.evenlySpaced(series, 10);

    AccumulatedWorkDuration awd = AccumulatedWorkDuration.of(series, levels);

    assertThat(awd.levels()).isEqualTo(levels);
    assertThat(awd.secondsAtOrAbove()).containsExactly(sortBased(watts, levels));
    assertThat(awd.secondsAtOrAbove()[levels.length - 1]).isZero();
  }

  @Test
  void handWorkedLevelsAndGapsDoNotCount() {
    double[] watts = {0, 95, 100, 150, Double.NaN, 199.9, 200, 310};
    AccumulatedWorkDuration awd =
        AccumulatedWorkDuration.of(
            new SecondSeries(ActivityMetric.POWER, 0, watts), new double[] {0, 100, 200, 300, 400});

    assertThat(awd.secondsAtOrAbove()).containsExactly(7, 5, 2, 1, 0);
  }

  @Test
  void evenlySpacedLevelsReachJustAboveTheHighestValue() {
    SecondSeries series = new SecondSeries(ActivityMetric.POWER, 0, new double[] {5, 30, 20});
    assertThat(AccumulatedWorkDuration.evenlySpaced(series, 10)).containsExactly(0, 10, 20, 30, 40);
  }

  @Test
  void levelsMustIncrease() {
    SecondSeries series = new SecondSeries(ActivityMetric.POWER, 0, new double[] {1});
    assertThatThrownBy(() -> AccumulatedWorkDuration.of(series, new double[] {10, 10}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly increasing");
  }

  /** Sorts the recorded seconds descending and counts, per level, the prefix at or above it. */
  private static long[] sortBased(double[] values, double[] levels) {
    double[] recorded = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    long[] expected = new long[levels.length];
    for (int k = 0; k < levels.length; k++) {
      int count = 0;
      for (int i = recorded.length - 1; i >= 0 && recorded[i] >= levels[k]; i--) {
        count++;
      }
      expected[k] = count;
    }
    return expected;
  }
}
