/**
 * Per-activity analysis of recorded workouts, in plain Java: the raw readings of each metric
 * ({@link io.wearflow.jobs.activity.metrics.MetricSamples}) pass the {@link
 * io.wearflow.jobs.activity.metrics.SpikeGuard} (physiological bounds per {@link
 * io.wearflow.jobs.activity.metrics.ActivityMetric}; spikes removed and reported), are resampled to
 * one value per second ({@link io.wearflow.jobs.activity.metrics.SecondSeries}: gaps documented
 * there), and give the exact {@link io.wearflow.jobs.activity.metrics.MeanMaxCurve}, the {@link
 * io.wearflow.jobs.activity.metrics.AccumulatedWorkDuration} and the {@link
 * io.wearflow.jobs.activity.metrics.ActivitySummarySummary} ({@link
 * io.wearflow.jobs.activity.metrics.ActivitySummarizer}).
 */
package io.wearflow.jobs.activity.metrics;
