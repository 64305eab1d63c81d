package io.wearflow.jobs.activity.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removes sensor spikes, readings outside the metric's bounds ({@link ActivityMetric#min()}..{@link
 * ActivityMetric#max()}, infinities included), before any curve or summary sees them, so that one
 * impossible 30 kW sample never becomes a 1-second best. Removed readings are not silently lost:
 * they are counted and the first ones kept in a {@link Report} for the activity's quality flags.
 *
 * <p>A removed reading leaves its record without a value of that metric, so the second it covered
 * is filled like any missing reading ({@link SecondSeries}).
 */
public final class SpikeGuard {

  /** How many removed readings a report lists; later ones are only counted. */
  public static final int LISTED_SPIKES = 10;

  private SpikeGuard() {}

  /** A removed reading. */
  public record Spike(long timestampMillis, double value) {}

  /**
   * What the guard removed from one metric.
   *
   * @param removed how many readings were removed
   * @param firstSpikes the first {@link #LISTED_SPIKES} removed readings, in input order
   */
  public record Report(ActivityMetric metric, int removed, List<Spike> firstSpikes) {
    public boolean clean() {
      return removed == 0;
    }
  }

  /** The readings that passed, and the report of those that did not. */
  public record Screened(MetricSamples kept, Report report) {}

  public static Screened screen(MetricSamples samples) {
    ActivityMetric metric = samples.metric();
    long[] timestamps = samples.timestampsMillis();
    double[] values = samples.values();
    long[] keptTimestamps = new long[values.length];
    double[] keptValues = new double[values.length];
    List<Spike> listed = new ArrayList<>();
    int kept = 0;
    int removed = 0;
    for (int i = 0; i < values.length; i++) {
      double value = values[i];
      if (!Double.isNaN(value) && !metric.isPlausible(value)) {
        removed++;
        if (listed.size() < LISTED_SPIKES) {
          listed.add(new Spike(timestamps[i], value));
        }
        continue;
      }
      keptTimestamps[kept] = timestamps[i];
      keptValues[kept] = value;
      kept++;
    }
    MetricSamples passed =
        removed == 0
            ? samples
            : new MetricSamples(
                metric, Arrays.copyOf(keptTimestamps, kept), Arrays.copyOf(keptValues, kept));
    return new Screened(passed, new Report(metric, removed, List.copyOf(listed)));
  }
}
