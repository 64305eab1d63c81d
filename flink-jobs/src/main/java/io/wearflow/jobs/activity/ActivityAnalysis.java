package io.wearflow.jobs.activity;

import io.wearflow.jobs.activity.metrics.AccumulatedWorkDuration;
import io.wearflow.jobs.activity.metrics.ActivityMetric;
import io.wearflow.jobs.activity.metrics.ActivitySummarySummary;
import io.wearflow.jobs.activity.metrics.MeanMaxCurve;
import io.wearflow.jobs.activity.metrics.SecondSeries;
import io.wearflow.jobs.activity.metrics.SpikeGuard;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What {@link ActivityAnalyzer} computed for one activity, before it is rendered for the tables
 * ({@link ActivityResults}).
 *
 * @param activity the activity's metadata
 * @param offset the athlete's offset from UTC at the start (UTC when the metadata has none)
 * @param localDate the athlete's local date of the start
 * @param metrics the recorded metrics (at least one second after the spike guard), in {@link
 *     ActivityMetric} order
 * @param series each recorded metric on the one-second grid, spikes removed
 * @param spikes the spike guard's report of each metric it removed readings from
 * @param summary the whole activity's summary
 * @param laps one summary per lap the file marks, in its order; empty when it marks none
 * @param meanMax the exact mean-max curve of each recorded metric but distance and altitude
 * @param workDurations the accumulated work duration of the same metrics, levels every {@link
 *     ActivityAnalyzer#levelStep} from 0
 */
public record ActivityAnalysis(
    UploadedActivity activity,
    ZoneOffset offset,
    LocalDate localDate,
    List<ActivityMetric> metrics,
    Map<ActivityMetric, SecondSeries> series,
    Map<ActivityMetric, SpikeGuard.Report> spikes,
    ActivitySummarySummary summary,
    List<LapSummary> laps,
    Map<ActivityMetric, MeanMaxCurve> meanMax,
    Map<ActivityMetric, AccumulatedWorkDuration> workDurations) {

  /** One lap: its bounds [start, end) and the summary of the seconds it covers. */
  public record LapSummary(Instant start, Instant end, ActivitySummarySummary summary) {}
}
