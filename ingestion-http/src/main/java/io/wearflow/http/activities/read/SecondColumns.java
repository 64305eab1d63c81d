package io.wearflow.http.activities.read;

import io.wearflow.connectors.postgres.RecordedActivityStore.Series;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An activity's metrics on one shared one-second grid starting at the activity's start second: row
 * i is {@code i} seconds after the start; a metric without a value there (a gap, or outside its
 * series) is NaN.
 *
 * @param startEpochSecond the epoch second of row 0
 * @param length rows
 * @param values per metric, {@code length} values
 */
record SecondColumns(long startEpochSecond, int length, Map<Metric, double[]> values) {

  static SecondColumns of(Instant start, Map<String, Series> series, List<Metric> metrics) {
    long t0 = start.getEpochSecond();
    long end = t0;
    for (Series s : series.values()) {
      end = Math.max(end, s.startEpochSecond() + s.values().length);
    }
    int length = (int) (end - t0);
    Map<Metric, double[]> values = new LinkedHashMap<>();
    for (Metric metric : metrics) {
      Series s = series.get(metric.wireName());
      if (s == null) {
        continue;
      }
      double[] column = new double[length];
      Arrays.fill(column, Double.NaN);
      for (int i = 0; i < s.values().length; i++) {
        long row = s.startEpochSecond() + i - t0;
        if (row >= 0 && row < length) {
          column[(int) row] = s.values()[i];
        }
      }
      values.put(metric, column);
    }
    return new SecondColumns(t0, length, values);
  }

  /**
   * The rows to answer: all of them, or with adaptive sampling at most {@link
   * AdaptiveSampling#MAX_POINTS} chosen on the first metric present (evenly spaced if none).
   */
  int[] rows(boolean adaptive) {
    if (!adaptive || length <= AdaptiveSampling.MAX_POINTS) {
      return AdaptiveSampling.keep(new double[length], Integer.MAX_VALUE);
    }
    double[] shape = values.isEmpty() ? new double[length] : values.values().iterator().next();
    return AdaptiveSampling.keep(shape, AdaptiveSampling.MAX_POINTS);
  }
}
