package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One acceleration, deceleration, sprint or high-intensity event: a maximal run of consecutive
 * segments whose value passes a threshold.
 *
 * @param startTime epoch ms of the start of the first segment
 * @param maxValue the extreme value reached: the highest speed (m/s) or acceleration (m/s²), the
 *     most negative acceleration for decelerations
 * @param durationMillis summed duration of the segments, ms
 * @param distance summed distance of the segments, m
 * @param initialSpeed smoothed speed at the start, m/s (accelerations only, else null)
 * @param endSpeed smoothed speed at the end, m/s (accelerations only, else null)
 */
public record ThresholdEvent(
    long startTime,
    double maxValue,
    long durationMillis,
    double distance,
    Double initialSpeed,
    Double endSpeed)
    implements Serializable {

  /** Duration in seconds. */
  public double duration() {
    return durationMillis / 1000.0;
  }

  /** The reference's JSON object (with the speeds only for accelerations, in its key order). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start_time", startTime);
    if (initialSpeed == null) {
      json.put("duration", duration());
      json.put("max_value", maxValue);
      json.put("distance", distance);
    } else {
      json.put("max_value", maxValue);
      json.put("duration", duration());
      json.put("distance", distance);
      json.put("initial_speed", initialSpeed);
      json.put("end_speed", endSpeed);
    }
    return json;
  }
}
