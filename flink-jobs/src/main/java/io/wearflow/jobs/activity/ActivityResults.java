package io.wearflow.jobs.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.jobs.activity.metrics.AccumulatedWorkDuration;
import io.wearflow.jobs.activity.metrics.ActivityMetric;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Peak;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary.Trend;
import io.wearflow.jobs.activity.metrics.MeanMaxCurve;
import io.wearflow.jobs.activity.metrics.SecondSeries;
import io.wearflow.jobs.activity.metrics.SpikeGuard;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Renders an {@link ActivityAnalysis} as the rows the table sink and the exports write ({@link
 * AnalyzedActivity}): summary, laps and quality as the API's JSON documents (the read side passes
 * them through unchanged), curves as arrays indexed by duration.
 *
 * <p>JSON shapes: {@code summary} holds one object per recorded metric, named by its wire name
 * ({@code {"power": {"mean", "max"}, "heart_rate": {"start", "end", "min", "max", "mean"},
 * "altitude": {"gain", "loss", "min", "max", "mean"}, "distance": {"sum"}, ...}}); a lap is {@code
 * {"start", "end", "start_local", "end_local", "duration", <metric>: {...}}} with instants as
 * {@link Instant#toString()}, local times at the activity's offset and the duration as ISO-8601
 * ({@code PT5M}); quality is {@code {"power": {"removed": 1, "first": [{"timestamp": "...Z",
 * "value": 30000.0}]}}}.
 */
public final class ActivityResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActivityResults() {}

  public static AnalyzedActivity of(ActivityAnalysis analysis) {
    UploadedActivity activity = analysis.activity();
    List<String> metrics = new ArrayList<>();
    metrics.add("duration");
    analysis.metrics().forEach(metric -> metrics.add(metric.wireName()));
    ActivitySummarySummary summary = analysis.summary();
    return new AnalyzedActivity(
        activity.getActivityId(),
        activity.getUserId(),
        activity.getSport(),
        activity.getSourceId(),
        activity.getStart(),
        activity.getEnd(),
        analysis.offset().getTotalSeconds(),
        (int) analysis.localDate().toEpochDay(),
        metrics.toArray(new String[0]),
        summary(summary).toString(),
        analysis.laps().isEmpty() ? null : laps(analysis).toString(),
        activity.getDevices().stream().map(CharSequence::toString).toArray(String[]::new),
        summary.distance() == null ? null : summary.distance().sum(),
        quality(analysis).toString(),
        analysis.series().values().stream()
            .map(ActivityResults::series)
            .toArray(AnalyzedActivity.MetricSeries[]::new),
        analysis.meanMax().values().stream()
            .map(ActivityResults::meanMax)
            .toArray(AnalyzedActivity.MeanMax[]::new),
        analysis.workDurations().values().stream()
            .map(ActivityResults::workDuration)
            .toArray(AnalyzedActivity.WorkDuration[]::new));
  }

  /** The API's ActivitySummarySummary; metrics not recorded are omitted. */
  static ObjectNode summary(ActivitySummarySummary summary) {
    ObjectNode node = JSON.createObjectNode();
    peak(node, ActivityMetric.POWER, summary.power());
    peak(node, ActivityMetric.SPEED, summary.speed());
    trend(node, ActivityMetric.HEART_RATE, summary.heartRate());
    peak(node, ActivityMetric.CADENCE, summary.cadence());
    if (summary.altitude() != null) {
      node.putObject(ActivityMetric.ALTITUDE.wireName())
          .put("gain", summary.altitude().gain())
          .put("loss", summary.altitude().loss())
          .put("min", summary.altitude().min())
          .put("max", summary.altitude().max())
          .put("mean", summary.altitude().mean());
    }
    if (summary.distance() != null) {
      node.putObject(ActivityMetric.DISTANCE.wireName()).put("sum", summary.distance().sum());
    }
    trend(node, ActivityMetric.TEMPERATURE, summary.temperature());
    trend(node, ActivityMetric.CORE_TEMPERATURE, summary.coreTemperature());
    trend(node, ActivityMetric.SMO2, summary.smo2());
    return node;
  }

  private static void peak(ObjectNode node, ActivityMetric metric, Peak peak) {
    if (peak != null) {
      node.putObject(metric.wireName()).put("max", peak.max()).put("mean", peak.mean());
    }
  }

  private static void trend(ObjectNode node, ActivityMetric metric, Trend trend) {
    if (trend != null) {
      node.putObject(metric.wireName())
          .put("start", trend.start())
          .put("end", trend.end())
          .put("min", trend.min())
          .put("max", trend.max())
          .put("mean", trend.mean());
    }
  }

  static ArrayNode laps(ActivityAnalysis analysis) {
    ArrayNode laps = JSON.createArrayNode();
    for (ActivityAnalysis.LapSummary lap : analysis.laps()) {
      ObjectNode node = laps.addObject();
      node.put("start", lap.start().toString());
      node.put("end", lap.end().toString());
      node.put("start_local", local(lap.start(), analysis));
      node.put("end_local", local(lap.end(), analysis));
      node.put("duration", Duration.between(lap.start(), lap.end()).toString());
      node.setAll(summary(lap.summary()));
    }
    return laps;
  }

  /** The instant at the activity's offset, seconds always shown: 2024-05-01T08:00:00+02:00. */
  private static String local(Instant instant, ActivityAnalysis analysis) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        OffsetDateTime.ofInstant(instant, analysis.offset()));
  }

  static ObjectNode quality(ActivityAnalysis analysis) {
    ObjectNode node = JSON.createObjectNode();
    for (SpikeGuard.Report report : analysis.spikes().values()) {
      ObjectNode metric = node.putObject(report.metric().wireName());
      metric.put("removed", report.removed());
      ArrayNode first = metric.putArray("first");
      for (SpikeGuard.Spike spike : report.firstSpikes()) {
        first
            .addObject()
            .put("timestamp", Instant.ofEpochMilli(spike.timestampMillis()).toString())
            .put("value", spike.value());
      }
    }
    return node;
  }

  private static AnalyzedActivity.MetricSeries series(SecondSeries series) {
    return new AnalyzedActivity.MetricSeries(
        series.metric().wireName(), series.startEpochSecond(), series.values());
  }

  private static AnalyzedActivity.MeanMax meanMax(MeanMaxCurve curve) {
    int n = curve.maxDuration();
    double[] best = new double[n];
    long[] bestStart = new long[n];
    for (int d = 1; d <= n; d++) {
      OptionalDouble value = curve.best(d);
      best[d - 1] = value.orElse(Double.NaN);
      bestStart[d - 1] = value.isPresent() ? curve.bestStartEpochSecond(d) : -1;
    }
    return new AnalyzedActivity.MeanMax(curve.metric().wireName(), best, bestStart);
  }

  private static AnalyzedActivity.WorkDuration workDuration(AccumulatedWorkDuration awd) {
    double step = ActivityAnalyzer.levelStep(awd.metric()).orElseThrow();
    return new AnalyzedActivity.WorkDuration(awd.metric().wireName(), step, awd.secondsAtOrAbove());
  }
}
