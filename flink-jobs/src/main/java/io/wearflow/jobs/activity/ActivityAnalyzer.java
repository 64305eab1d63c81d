package io.wearflow.jobs.activity;

import io.wearflow.jobs.activity.metrics.AccumulatedWorkDuration;
import io.wearflow.jobs.activity.metrics.ActivityMetric;
import io.wearflow.jobs.activity.metrics.ActivitySummarizer;
import io.wearflow.jobs.activity.metrics.MeanMaxCurve;
import io.wearflow.jobs.activity.metrics.MetricSamples;
import io.wearflow.jobs.activity.metrics.SecondSeries;
import io.wearflow.jobs.activity.metrics.SpikeGuard;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.LapBounds;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Analyses one complete activity: each metric's readings pass the {@link SpikeGuard}, are resampled
 * to one value per second ({@link SecondSeries}), and give the activity's and each lap's summary
 * ({@link ActivitySummarizer}), and for every recorded metric but distance and altitude the exact
 * {@link MeanMaxCurve} and the {@link AccumulatedWorkDuration} at fixed level steps ({@link
 * #levelStep}), so that the arrays of all activities align index by index.
 *
 * <p>A lap [start, end) covers the seconds of the grid that overlap it: from the second holding its
 * start up to the second holding the last millisecond before its end.
 */
public final class ActivityAnalyzer {

  private ActivityAnalyzer() {}

  /**
   * The fixed AWD level step of a metric in its unit (power 1 W, speed 0.1 m/s, heart rate 1 bpm,
   * cadence 1 rpm, temperature 0.5 °C, core temperature 0.1 °C, SmO2 1 %); empty for distance and
   * altitude, which get no mean-max curve nor AWD (neither is an intensity).
   */
  public static OptionalDouble levelStep(ActivityMetric metric) {
    return switch (metric) {
      case POWER, HEART_RATE, CADENCE, SMO2 -> OptionalDouble.of(1);
      case SPEED, CORE_TEMPERATURE -> OptionalDouble.of(0.1);
      case TEMPERATURE -> OptionalDouble.of(0.5);
      case DISTANCE, ALTITUDE -> OptionalDouble.empty();
    };
  }

  /** The athlete's local date of an activity: the date of its start at its local offset. */
  public static LocalDate localDate(UploadedActivity activity) {
    return LocalDate.ofInstant(activity.getStart(), offset(activity));
  }

  static ZoneOffset offset(UploadedActivity activity) {
    Integer seconds = activity.getLocalOffsetSeconds();
    return seconds == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(seconds);
  }

  /**
   * @param activity the metadata
   * @param records the activity's records, one per timestamp, in any order
   */
  public static ActivityAnalysis analyze(
      UploadedActivity activity, Collection<ActivityRecord> records) {
    ActivityRecord[] sorted = records.toArray(new ActivityRecord[0]);
    Arrays.sort(sorted, Comparator.comparing(ActivityRecord::getTimestamp));
    long[] timestamps = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      timestamps[i] = sorted[i].getTimestamp().toEpochMilli();
    }
    Map<ActivityMetric, SecondSeries> series = new EnumMap<>(ActivityMetric.class);
    Map<ActivityMetric, SpikeGuard.Report> spikes = new EnumMap<>(ActivityMetric.class);
    for (ActivityMetric metric : ActivityMetric.values()) {
      double[] values = new double[sorted.length];
      boolean any = false;
      for (int i = 0; i < sorted.length; i++) {
        Double value = (Double) sorted[i].get(metric.wireName());
        values[i] = value == null ? Double.NaN : value;
        any |= value != null;
      }
      if (!any) {
        continue;
      }
      SpikeGuard.Screened screened =
          SpikeGuard.screen(new MetricSamples(metric, timestamps, values));
      if (!screened.report().clean()) {
        spikes.put(metric, screened.report());
      }
      SecondSeries resampled = SecondSeries.resample(screened.kept());
      if (resampled.recordedSeconds() > 0) {
        series.put(metric, resampled);
      }
    }
    Map<ActivityMetric, MeanMaxCurve> meanMax = new EnumMap<>(ActivityMetric.class);
    Map<ActivityMetric, AccumulatedWorkDuration> workDurations =
        new EnumMap<>(ActivityMetric.class);
    for (SecondSeries metricSeries : series.values()) {
      OptionalDouble step = levelStep(metricSeries.metric());
      if (step.isPresent()) {
        meanMax.put(metricSeries.metric(), MeanMaxCurve.of(metricSeries));
        workDurations.put(
            metricSeries.metric(),
            AccumulatedWorkDuration.of(
                metricSeries,
                AccumulatedWorkDuration.evenlySpaced(metricSeries, step.getAsDouble())));
      }
    }
    List<ActivityAnalysis.LapSummary> laps = new ArrayList<>();
    for (LapBounds lap : activity.getLaps()) {
      laps.add(
          new ActivityAnalysis.LapSummary(
              lap.getStart(),
              lap.getEnd(),
              ActivitySummarizer.summarize(
                  slice(
                      series,
                      Math.floorDiv(lap.getStart().toEpochMilli(), 1000L),
                      Math.floorDiv(lap.getEnd().toEpochMilli() - 1, 1000L)))));
    }
    return new ActivityAnalysis(
        activity,
        offset(activity),
        localDate(activity),
        List.copyOf(series.keySet()),
        series,
        spikes,
        ActivitySummarizer.summarize(series),
        laps,
        meanMax,
        workDurations);
  }

  /** The seconds {@code first..last} (epoch seconds, inclusive) of each series that has any. */
  private static Map<ActivityMetric, SecondSeries> slice(
      Map<ActivityMetric, SecondSeries> series, long first, long last) {
    Map<ActivityMetric, SecondSeries> sliced = new EnumMap<>(ActivityMetric.class);
    for (SecondSeries metricSeries : series.values()) {
      long from = Math.max(first, metricSeries.startEpochSecond());
      long to = Math.min(last, metricSeries.startEpochSecond() + metricSeries.length() - 1);
      if (from > to) {
        continue;
      }
      int offset = (int) (from - metricSeries.startEpochSecond());
      sliced.put(
          metricSeries.metric(),
          new SecondSeries(
              metricSeries.metric(),
              from,
              Arrays.copyOfRange(metricSeries.values(), offset, offset + (int) (to - from) + 1)));
    }
    return sliced;
  }
}
