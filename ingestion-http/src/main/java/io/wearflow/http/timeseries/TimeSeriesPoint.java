package io.wearflow.http.timeseries;

/**
 * One point of a validated activity time series.
 *
 * @param epochSecond start of the point's minute, seconds since 1970-01-01T00:00:00Z
 * @param value the measurement over that minute in the series' unit, finite and at least 0
 */
public record TimeSeriesPoint(long epochSecond, double value) {}
