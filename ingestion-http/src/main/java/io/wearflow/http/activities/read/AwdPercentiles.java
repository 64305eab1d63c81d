package io.wearflow.http.activities.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Longitudinal accumulated work duration from daily AWDs. A day's AWD at level L is the sum over
 * that local day's activities of their seconds at or above L (a day whose activities never reached
 * L counts 0 there). Over the days in range that have an activity with the metric: {@code max} is
 * the highest daily AWD, {@code hard}/{@code medium}/{@code easy} the 90th/75th/50th percentiles
 * (nearest rank: the ceil(p·n)-th smallest) of the daily AWDs; seconds.
 */
final class AwdPercentiles {

  /** One intensity level: its value in the metric's unit and the four AWDs, in seconds. */
  record Row(double level, long max, long hard, long medium, long easy) {}

  private AwdPercentiles() {}

  /**
   * @param levelStep the metric's level step (level k is {@code k * levelStep})
   * @param days per day, seconds at or above each level from level 0
   */
  static List<Row> of(double levelStep, List<long[]> days) {
    int levels = days.stream().mapToInt(d -> d.length).max().orElse(0);
    List<Row> rows = new ArrayList<>(levels);
    long[] atLevel = new long[days.size()];
    for (int k = 0; k < levels; k++) {
      for (int i = 0; i < days.size(); i++) {
        long[] day = days.get(i);
        atLevel[i] = k < day.length ? day[k] : 0;
      }
      long[] sorted = atLevel.clone();
      Arrays.sort(sorted);
      rows.add(
          new Row(
              Math.round(k * levelStep * 1e6) / 1e6,
              sorted[sorted.length - 1],
              nearestRank(sorted, 0.90),
              nearestRank(sorted, 0.75),
              nearestRank(sorted, 0.50)));
    }
    return rows;
  }

  private static long nearestRank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
