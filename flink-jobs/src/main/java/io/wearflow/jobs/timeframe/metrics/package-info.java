/**
 * The metrics of a live timeframe (distance, speeds, accelerations, sprints, high-intensity runs,
 * speed bands, intensity spans, heart-rate zones) as plain Java, without Flink or Kafka types.
 *
 * <p>{@link io.wearflow.jobs.timeframe.metrics.TimeframeMetrics} takes one device's frames in
 * timestamp order and turns consecutive frames into {@link
 * io.wearflow.jobs.timeframe.metrics.Segment}s, which the detectors add up; {@link
 * io.wearflow.jobs.timeframe.metrics.TimeframeMetrics#snapshot(long)} gives the {@link
 * io.wearflow.jobs.timeframe.metrics.ComputedData} of the reference, settings from {@link
 * io.wearflow.jobs.timeframe.metrics.TimeframeParams} included.
 */
package io.wearflow.jobs.timeframe.metrics;
