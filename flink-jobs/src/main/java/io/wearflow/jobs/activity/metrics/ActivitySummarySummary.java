package io.wearflow.jobs.activity.metrics;

/**
 * The per-metric figures of one activity, field for field the reference's {@code
 * ActivitySummarySummary} (activities-api). A metric the activity did not record is {@code null}.
 * Units are the metrics' ({@link ActivityMetric}): W, m/s, bpm, rpm, m, °C, %.
 */
public record ActivitySummarySummary(
    Peak power,
    Peak speed,
    Trend heartRate,
    Peak cadence,
    Altitude altitude,
    Distance distance,
    Trend temperature,
    Trend coreTemperature,
    Trend smo2) {

  /** {@code PowerSummary}, {@code SpeedSummary}, {@code CadenceSummary}. */
  public record Peak(double mean, double max) {}

  /**
   * {@code HeartRateSummary}, {@code TemperatureSummary}, {@code CoreTemperatureSummary}, {@code
   * Smo2Summary}: {@code start} and {@code end} are the first and last recorded seconds' values.
   */
  public record Trend(double start, double end, double min, double max, double mean) {}

  /** {@code AltitudeSummary}; gain and loss are total climbing and descending in m. */
  public record Altitude(double gain, double loss, double min, double max, double mean) {}

  /** {@code DistanceSummary}: total distance in m. */
  public record Distance(double sum) {}
}
