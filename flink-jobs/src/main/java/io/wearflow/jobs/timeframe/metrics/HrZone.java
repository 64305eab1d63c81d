package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * Share of the heart-rate time spent in one zone {@code [low, high)} of the maximum heart rate (the
 * top zone also takes rates above its upper bound).
 *
 * @param percentageHrmax share of the timeframe's heart-rate time in the zone, 0 to 100
 * @param durationMillis time in the zone, ms
 * @param rangeBpm {low, high} in bpm
 * @param rangePercentHrmax {low, high} in % of the maximum heart rate
 */
public record HrZone(
    double percentageHrmax,
    long durationMillis,
    List<Double> rangeBpm,
    List<Double> rangePercentHrmax)
    implements Serializable {}
