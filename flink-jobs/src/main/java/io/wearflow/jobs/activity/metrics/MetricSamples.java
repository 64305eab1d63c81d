package io.wearflow.jobs.activity.metrics;

import java.util.Objects;

/**
 * The recorded readings of one metric of one activity, as they came from the file: one entry per
 * record, at any rate (1 Hz, 4 Hz, Garmin "smart recording" every few seconds), possibly unsorted.
 *
 * @param timestampsMillis epoch milliseconds of each record
 * @param values the reading of each record, in the metric's unit; {@code NaN} where the record has
 *     no reading of this metric
 */
public record MetricSamples(ActivityMetric metric, long[] timestampsMillis, double[] values) {

  public MetricSamples {
    Objects.requireNonNull(metric, "metric");
    if (timestampsMillis.length != values.length) {
      throw new IllegalArgumentException(
          timestampsMillis.length + " timestamps but " + values.length + " values");
    }
  }

  public int size() {
    return values.length;
  }
}
