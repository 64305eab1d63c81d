package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * Time and distance spent in one speed band {@code [thresholdLow, thresholdHigh)}.
 *
 * @param thresholdLow m/s
 * @param thresholdHigh m/s, null for the open top band
 * @param durationMillis time in the band, ms
 * @param distance metres covered in the band
 */
public record SpeedRange(
    double thresholdLow, Double thresholdHigh, long durationMillis, double distance)
    implements Serializable {

  /** Time in the band, seconds. */
  public double duration() {
    return durationMillis / 1000.0;
  }
}
