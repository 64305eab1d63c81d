package io.wearflow.connectors.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the activity job computed for one uploaded activity, in the shape of the V8 tables
 * (see V8__recorded_activities.sql): the {@code recorded_activities} row and, per metric, the 1 Hz
 * series, the exact mean-max curve and the accumulated work duration.
 *
 * @param start timestamp of the first record
 * @param end timestamp of the last record
 * @param localOffsetSeconds offset of the athlete's local time from UTC at the start
 * @param localEpochDay the athlete's local date of {@code start} as an epoch day (the partition of
 *     the exports; a number because Flink has no POJO serializer for LocalDate)
 * @param metrics {@code duration} followed by the recorded metrics' wire names
 * @param summaryJson the API's ActivitySummarySummary as JSON, null when nothing was recorded
 * @param lapsJson the API's Lap array as JSON, null when the file marks no laps
 * @param distance total distance in m, null when neither distance nor speed was recorded
 * @param qualityJson the spike guard's report per metric, {@code {}} when nothing was removed
 */
public record AnalyzedActivity(
    String activityId,
    long userId,
    String sport,
    String sourceId,
    Instant start,
    Instant end,
    int localOffsetSeconds,
    int localEpochDay,
    String[] metrics,
    String summaryJson,
    String lapsJson,
    String[] devices,
    Double distance,
    String qualityJson,
    MetricSeries[] series,
    MeanMax[] meanMax,
    WorkDuration[] workDurations) {

  public AnalyzedActivity {
    Objects.requireNonNull(activityId, "activityId");
  }

  /** The athlete's local date of {@code start}. */
  public LocalDate localDate() {
    return LocalDate.ofEpochDay(localEpochDay);
  }

  /**
   * One metric on the one-second grid.
   *
   * @param values {@code values[i]} is second {@code startEpochSecond + i}; NaN in gaps
   */
  public record MetricSeries(String metric, long startEpochSecond, double[] values) {}

  /**
   * The exact mean-max curve of one metric.
   *
   * @param best {@code best[d - 1]}: best average over d consecutive seconds; NaN where no window
   *     of d seconds exists
   * @param bestStart {@code bestStart[d - 1]}: epoch second where that window starts; -1 where
   *     {@code best} is NaN
   */
  public record MeanMax(String metric, double[] best, long[] bestStart) {}

  /**
   * Accumulated work duration of one metric.
   *
   * @param levelStep the metric's fixed level step, in its unit
   * @param secondsAtOrAbove {@code secondsAtOrAbove[k]}: recorded seconds with a value {@code >= k
   *     * levelStep}
   */
  public record WorkDuration(String metric, double levelStep, long[] secondsAtOrAbove) {}
}
