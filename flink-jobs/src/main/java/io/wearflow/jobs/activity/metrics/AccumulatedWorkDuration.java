package io.wearflow.jobs.activity.metrics;

import java.util.Arrays;

/**
 * Accumulated work duration (AWD) of one metric of one activity: for each intensity level, the
 * seconds spent at or above it (the activity's time-at-intensity curve read from the top down).
 * Only recorded seconds count: gap seconds of the {@link SecondSeries} are neither zero nor any
 * other intensity.
 *
 * @param levels intensity levels in the metric's unit, strictly increasing
 * @param secondsAtOrAbove for each level, the seconds with a value {@code >= level}
 */
public record AccumulatedWorkDuration(
    ActivityMetric metric, double[] levels, long[] secondsAtOrAbove) {

  /**
   * Counts, for each level, the seconds at or above it: one binary search per second into the
   * levels (which level it reaches), then a running sum from the top level down; O(n log L).
   */
  public static AccumulatedWorkDuration of(SecondSeries series, double[] levels) {
    for (int k = 1; k < levels.length; k++) {
      if (!(levels[k] > levels[k - 1])) {
        throw new IllegalArgumentException("levels must be strictly increasing: " + levels[k]);
      }
    }
    // reached[k]: seconds whose highest level reached is levels[k].
    long[] reached = new long[levels.length];
    for (double value : series.values()) {
      if (Double.isNaN(value)) {
        continue;
      }
      int insertion = Arrays.binarySearch(levels, value);
      int highest = insertion >= 0 ? insertion : -insertion - 2;
      if (highest >= 0) {
        reached[highest]++;
      }
    }
    long[] atOrAbove = new long[levels.length];
    long running = 0;
    for (int k = levels.length - 1; k >= 0; k--) {
      running += reached[k];
      atOrAbove[k] = running;
    }
    return new AccumulatedWorkDuration(series.metric(), levels.clone(), atOrAbove);
  }

  /**
   * Levels every {@code step} from 0 up to the first level above the series' highest value (power
   * every 10 W: {@code evenlySpaced(series, 10)}), so the last level always has 0 s.
   */
  public static double[] evenlySpaced(SecondSeries series, double step) {
    if (!(step > 0)) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    double max = 0;
    for (double value : series.values()) {
      if (value > max) {
        max = value;
      }
    }
    int count = (int) Math.floor(max / step) + 2;
    double[] levels = new double[count];
    for (int k = 0; k < count; k++) {
      levels[k] = k * step;
    }
    return levels;
  }
}
