package io.wearflow.jobs.activity.metrics;

import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Altitude;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Distance;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Peak;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Trend;
import java.util.Map;

/**
 * Computes an activity's {@link ActivitySummarySummary} from its metrics' {@link SecondSeries}
 * (spikes already removed by {@link SpikeGuard}).
 *
 * <p>Rules, chosen to match what athletes see on their head units and in GoldenCheetah:
 *
 * <ul>
 *   <li>Means are time-weighted: the mean of the recorded seconds, gap seconds skipped (a pause is
 *       not averaged in as zero), so a 4 Hz file and a 1 Hz file of the same ride agree.
 *   <li>Power and speed means include zero seconds (coasting, standing still while recording); the
 *       cadence mean counts only non-zero seconds (coasting is not a cadence), as Garmin's default
 *       "non-zero averaging".
 *   <li>Altitude gain and loss use a hysteresis of {@link #ALTITUDE_HYSTERESIS_M}: a change counts
 *       once the altitude has moved that far from the last counted point, so barometer noise on the
 *       flat adds nothing (GoldenCheetah's default is also 3 m).
 *   <li>Distance is the last recorded cumulative distance minus the first; without a distance
 *       series it is the speed integrated over the recorded seconds (m/s × 1 s).
 * </ul>
 */
public final class ActivitySummarizer {

  /** Altitude change, in m, needed before a climb or descent counts. */
  public static final double ALTITUDE_HYSTERESIS_M = 3.0;

  private ActivitySummarizer() {}

  public static ActivitySummarySummary summarize(Map<ActivityMetric, SecondSeries> series) {
    return new ActivitySummarySummary(
        peak(series.get(ActivityMetric.POWER), false),
        peak(series.get(ActivityMetric.SPEED), false),
        trend(series.get(ActivityMetric.HEART_RATE)),
        peak(series.get(ActivityMetric.CADENCE), true),
        altitude(series.get(ActivityMetric.ALTITUDE)),
        distance(series.get(ActivityMetric.DISTANCE), series.get(ActivityMetric.SPEED)),
        trend(series.get(ActivityMetric.TEMPERATURE)),
        trend(series.get(ActivityMetric.CORE_TEMPERATURE)),
        trend(series.get(ActivityMetric.SMO2)));
  }

  private static Peak peak(SecondSeries series, boolean nonZeroMean) {
    if (series == null) {
      return null;
    }
    double sum = 0;
    long count = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : series.values()) {
      if (Double.isNaN(value)) {
        continue;
      }
      max = Math.max(max, value);
      if (!nonZeroMean || value != 0) {
        sum += value;
        count++;
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return null;
    }
    return new Peak(count == 0 ? 0 : sum / count, max);
  }

  private static Trend trend(SecondSeries series) {
    Stats stats = Stats.of(series);
    return stats == null
        ? null
        : new Trend(stats.first, stats.last, stats.min, stats.max, stats.sum / stats.count);
  }

  private static Altitude altitude(SecondSeries series) {
    Stats stats = Stats.of(series);
    if (stats == null) {
      return null;
    }
    double gain = 0;
    double loss = 0;
    double reference = Double.NaN;
    for (double value : series.values()) {
      if (Double.isNaN(value)) {
        continue;
      }
      if (Double.isNaN(reference)) {
        reference = value;
      } else if (value - reference >= ALTITUDE_HYSTERESIS_M) {
        gain += value - reference;
        reference = value;
      } else if (reference - value >= ALTITUDE_HYSTERESIS_M) {
        loss += reference - value;
        reference = value;
      }
    }
    return new Altitude(gain, loss, stats.min, stats.max, stats.sum / stats.count);
  }

  private static Distance distance(SecondSeries distance, SecondSeries speed) {
    Stats stats = Stats.of(distance);
    if (stats != null) {
      return new Distance(stats.last - stats.first);
    }
    Stats speeds = Stats.of(speed);
    return speeds == null ? null : new Distance(speeds.sum);
  }

  /** Plain statistics of the recorded seconds of a series; null when it has none. */
  private record Stats(double first, double last, double min, double max, double sum, long count) {

    static Stats of(SecondSeries series) {
      if (series == null) {
        return null;
      }
      double first = Double.NaN;
      double last = Double.NaN;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      long count = 0;
      for (double value : series.values()) {
        if (Double.isNaN(value)) {
          continue;
        }
        if (count == 0) {
          first = value;
        }
        last = value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
        count++;
      }
      return count == 0 ? null : new Stats(first, last, min, max, sum, count);
    }
  }
}
