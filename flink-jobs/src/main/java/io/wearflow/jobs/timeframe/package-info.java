/**
 * The live timeframe job ({@link io.wearflow.jobs.timeframe.TimeframeJob}): per device, the metrics
 * of each of its timeframes from its tracking frames, published at most once per emit interval (50
 * ms by default) while they change and as final after the timeframe's end. The metrics themselves
 * are plain Java in {@code metrics}; the classes here adapt them to Flink (keyed state, timers) and
 * to the topics.
 */
package io.wearflow.jobs.timeframe;
