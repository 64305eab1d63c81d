package io.wearflow.jobs.activity.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One metric of an activity resampled to one value per second, the grid every curve and summary is
 * computed on, so that a 4 Hz file and a smart-recording file of the same ride give the same
 * answers.
 *
 * <p>Resampling rules, applied to readings sorted by time:
 *
 * <ol>
 *   <li>Readings in the same second (epoch second, rounded down) are averaged.
 *   <li>A second's value holds until the next reading when that reading comes at most {@link
 *       #MAX_HOLD_SECONDS} later (irregular "smart recording"); otherwise it covers its own second
 *       only and the seconds up to the next reading are a gap. A record without a reading of this
 *       metric ends the hold as well.
 *   <li>Gap seconds are {@code NaN}. Curves decide what a gap means per metric ({@link
 *       ActivityMetric.GapFill}); summaries and accumulated work duration skip gap seconds.
 * </ol>
 *
 * @param startEpochSecond epoch second of {@code values[0]}
 * @param values one value per second from the first to the last second with a reading; {@code NaN}
 *     in gaps
 */
public record SecondSeries(ActivityMetric metric, long startEpochSecond, double[] values) {

  /** Longest interval between two readings over which the earlier one is held, in seconds. */
  public static final int MAX_HOLD_SECONDS = 5;

  public int length() {
    return values.length;
  }

  /** Number of seconds with a value (not in a gap). */
  public int recordedSeconds() {
    int recorded = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        recorded++;
      }
    }
    return recorded;
  }

  /** Resamples readings (already screened by {@link SpikeGuard}) to one value per second. */
  public static SecondSeries resample(MetricSamples samples) {
    long[] timestamps = samples.timestampsMillis();
    double[] readings = samples.values();
    int[] order = sortedOrder(timestamps);

    // Collapse readings into distinct seconds: mean of the finite readings, NaN if none.
    long[] seconds = new long[order.length];
    double[] means = new double[order.length];
    int distinct = 0;
    for (int k = 0; k < order.length; ) {
      long second = Math.floorDiv(timestamps[order[k]], 1000L);
      double sum = 0;
      int count = 0;
      for (; k < order.length && Math.floorDiv(timestamps[order[k]], 1000L) == second; k++) {
        double reading = readings[order[k]];
        if (!Double.isNaN(reading)) {
          sum += reading;
          count++;
        }
      }
      seconds[distinct] = second;
      means[distinct] = count == 0 ? Double.NaN : sum / count;
      distinct++;
    }

    int first = 0;
    while (first < distinct && Double.isNaN(means[first])) {
      first++;
    }
    int last = distinct - 1;
    while (last >= first && Double.isNaN(means[last])) {
      last--;
    }
    if (first > last) {
      return new SecondSeries(samples.metric(), 0, new double[0]);
    }
    long start = seconds[first];
    long length = seconds[last] - start + 1;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("activity spans too many seconds: " + length);
    }
    double[] values = new double[(int) length];
    Arrays.fill(values, Double.NaN);
    for (int k = first; k <= last; k++) {
      if (Double.isNaN(means[k])) {
        continue;
      }
      long from = seconds[k] - start;
      long until = from + 1;
      if (k + 1 <= last && seconds[k + 1] - seconds[k] <= MAX_HOLD_SECONDS) {
        until = seconds[k + 1] - start;
      }
      Arrays.fill(values, (int) from, (int) until, means[k]);
    }
    return new SecondSeries(samples.metric(), start, values);
  }

  private static int[] sortedOrder(long[] timestamps) {
    boolean sorted = true;
    for (int i = 1; i < timestamps.length && sorted; i++) {
      sorted = timestamps[i - 1] <= timestamps[i];
    }
    if (sorted) {
      return IntStream.range(0, timestamps.length).toArray();
    }
    return IntStream.range(0, timestamps.length)
        .boxed()
        .sorted(Comparator.comparingLong(i -> timestamps[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
