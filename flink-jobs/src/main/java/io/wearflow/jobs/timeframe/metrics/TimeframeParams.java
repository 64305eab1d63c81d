package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a timeframe's metric algorithms, read from the timeframe's {@code params} (keys
 * below, all optional; durations in seconds in JSON, milliseconds here) and echoed in the computed
 * data under {@code params} so that every number can be explained.
 *
 * <table>
 *   <caption>params keys and defaults</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>max_hr</td><td>none</td><td>athlete's maximum heart rate, bpm (else the highest
 *       observed)</td></tr>
 *   <tr><td>acceleration_thresholds</td><td>[2, 3]</td><td>m/s², ascending</td></tr>
 *   <tr><td>deceleration_thresholds</td><td>[2, 3]</td><td>m/s², magnitudes, ascending</td></tr>
 *   <tr><td>acceleration_min_duration</td><td>0.5</td><td>s, shorter (de)accelerations are
 *       dropped</td></tr>
 *   <tr><td>sprint_thresholds</td><td>[5]</td><td>m/s</td></tr>
 *   <tr><td>sprint_min_duration</td><td>0</td><td>s</td></tr>
 *   <tr><td>hid_thresholds</td><td>[4, 5]</td><td>m/s (high-intensity distance)</td></tr>
 *   <tr><td>hid_min_duration</td><td>0</td><td>s</td></tr>
 *   <tr><td>speed_ranges</td><td>0, 1, 4, 7, 14, 20, 25 km/h in m/s</td><td>lower bounds of
 *       the speed bands, ascending from 0; the last band is open</td></tr>
 *   <tr><td>hr_zones</td><td>[0, 60, 70, 80, 90, 100]</td><td>% of max HR, band bounds</td></tr>
 *   <tr><td>speed_smoothing_window</td><td>0.5</td><td>s, causal moving average</td></tr>
 *   <tr><td>max_gap</td><td>2</td><td>s, a longer pause between frames breaks events and adds
 *       no distance or time</td></tr>
 *   <tr><td>intensity_span</td><td>300</td><td>s, width of the intensity spans</td></tr>
 * </table>
 */
public record TimeframeParams(
    Double maxHr,
    List<Double> accelerationThresholds,
    List<Double> decelerationThresholds,
    long accelerationMinDurationMillis,
    List<Double> sprintThresholds,
    long sprintMinDurationMillis,
    List<Double> hidThresholds,
    long hidMinDurationMillis,
    List<Double> speedRanges,
    List<Double> hrZones,
    long smoothingWindowMillis,
    long maxGapMillis,
    long intensitySpanMillis)
    implements Serializable {

  private static final double KMH = 1 / 3.6;

  /** The defaults of the table above. */
  public static final TimeframeParams DEFAULTS =
      new TimeframeParams(
          null,
          List.of(2.0, 3.0),
          List.of(2.0, 3.0),
          500,
          List.of(5.0),
          0,
          List.of(4.0, 5.0),
          0,
          List.of(0.0, 1 * KMH, 4 * KMH, 7 * KMH, 14 * KMH, 20 * KMH, 25 * KMH),
          List.of(0.0, 60.0, 70.0, 80.0, 90.0, 100.0),
          500,
          2000,
          300_000);

  public TimeframeParams {
    if (maxHr != null && !(maxHr > 0)) {
      throw new IllegalArgumentException("max_hr must be > 0, was " + maxHr);
    }
    accelerationThresholds = thresholds("acceleration_thresholds", accelerationThresholds);
    decelerationThresholds = thresholds("deceleration_thresholds", decelerationThresholds);
    sprintThresholds = thresholds("sprint_thresholds", sprintThresholds);
    hidThresholds = thresholds("hid_thresholds", hidThresholds);
    speedRanges = bounds("speed_ranges", speedRanges, 1);
    hrZones = bounds("hr_zones", hrZones, 2);
    nonNegative("acceleration_min_duration", accelerationMinDurationMillis);
    nonNegative("sprint_min_duration", sprintMinDurationMillis);
    nonNegative("hid_min_duration", hidMinDurationMillis);
    nonNegative("speed_smoothing_window", smoothingWindowMillis);
    if (maxGapMillis <= 0) {
      throw new IllegalArgumentException("max_gap must be > 0 s");
    }
    if (intensitySpanMillis <= 0) {
      throw new IllegalArgumentException("intensity_span must be > 0 s");
    }
  }

  /**
   * The params of a timeframe from its JSON {@code params} object (as a map of JSON values); keys
   * it does not know are ignored, missing keys take the default.
   *
   * @throws IllegalArgumentException naming the key when a value has the wrong type or range
   */
  public static TimeframeParams fromJson(Map<String, ?> json) {
    TimeframeParams d = DEFAULTS;
    Double maxHr = json.containsKey("max_hr") ? number(json, "max_hr") : null;
    // The reference's own example sends "max_hr": 0: read it as "not given".
    if (maxHr != null && maxHr == 0) {
      maxHr = null;
    }
    return new TimeframeParams(
        maxHr,
        list(json, "acceleration_thresholds", d.accelerationThresholds),
        list(json, "deceleration_thresholds", d.decelerationThresholds),
        millis(json, "acceleration_min_duration", d.accelerationMinDurationMillis),
        list(json, "sprint_thresholds", d.sprintThresholds),
        millis(json, "sprint_min_duration", d.sprintMinDurationMillis),
        list(json, "hid_thresholds", d.hidThresholds),
        millis(json, "hid_min_duration", d.hidMinDurationMillis),
        list(json, "speed_ranges", d.speedRanges),
        list(json, "hr_zones", d.hrZones),
        millis(json, "speed_smoothing_window", d.smoothingWindowMillis),
        millis(json, "max_gap", d.maxGapMillis),
        millis(json, "intensity_span", d.intensitySpanMillis));
  }

  /** These params with {@code max_hr} set, e.g. from the athlete's profile when params lack it. */
  public TimeframeParams withMaxHr(Double maxHr) {
    return new TimeframeParams(
        maxHr,
        accelerationThresholds,
        decelerationThresholds,
        accelerationMinDurationMillis,
        sprintThresholds,
        sprintMinDurationMillis,
        hidThresholds,
        hidMinDurationMillis,
        speedRanges,
        hrZones,
        smoothingWindowMillis,
        maxGapMillis,
        intensitySpanMillis);
  }

  /** The params actually used, in the JSON names of {@link #fromJson} (durations in seconds). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("max_hr", maxHr);
    json.put("acceleration_thresholds", accelerationThresholds);
    json.put("deceleration_thresholds", decelerationThresholds);
    json.put("acceleration_min_duration", accelerationMinDurationMillis / 1000.0);
    json.put("sprint_thresholds", sprintThresholds);
    json.put("sprint_min_duration", sprintMinDurationMillis / 1000.0);
    json.put("hid_thresholds", hidThresholds);
    json.put("hid_min_duration", hidMinDurationMillis / 1000.0);
    json.put("speed_ranges", speedRanges);
    json.put("hr_zones", hrZones);
    json.put("speed_smoothing_window", smoothingWindowMillis / 1000.0);
    json.put("max_gap", maxGapMillis / 1000.0);
    json.put("intensity_span", intensitySpanMillis / 1000.0);
    return json;
  }

  private static List<Double> thresholds(String key, List<Double> values) {
    if (values == null) {
      throw new IllegalArgumentException(key + " is missing");
    }
    List<Double> copy = List.copyOf(values);
    for (int i = 0; i < copy.size(); i++) {
      if (!(copy.get(i) > 0) || (i > 0 && copy.get(i) <= copy.get(i - 1))) {
        throw new IllegalArgumentException(key + " must be positive and ascending, was " + copy);
      }
    }
    return copy;
  }

  private static List<Double> bounds(String key, List<Double> values, int minSize) {
    if (values == null || values.size() < minSize || values.get(0) != 0.0) {
      throw new IllegalArgumentException(
          key + " must start at 0 and hold at least " + minSize + " values, was " + values);
    }
    List<Double> copy = List.copyOf(values);
    for (int i = 1; i < copy.size(); i++) {
      if (!(copy.get(i) > copy.get(i - 1)) || Double.isInfinite(copy.get(i))) {
        throw new IllegalArgumentException(key + " must be finite and ascending, was " + copy);
      }
    }
    return copy;
  }

  private static void nonNegative(String key, long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(key + " must be >= 0 s");
    }
  }

  private static Double number(Map<String, ?> json, String key) {
    Object value = json.get(key);
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(key + " must be a number, was " + value);
  }

  private static long millis(Map<String, ?> json, String key, long fallback) {
    return json.containsKey(key) ? Math.round(number(json, key) * 1000) : fallback;
  }

  private static List<Double> list(Map<String, ?> json, String key, List<Double> fallback) {
    if (!json.containsKey(key)) {
      return fallback;
    }
    if (!(json.get(key) instanceof List<?> raw)) {
      throw new IllegalArgumentException(key + " must be a list of numbers");
    }
    List<Double> values = new ArrayList<>();
    for (Object value : raw) {
      if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException(key + " must be a list of numbers, was " + raw);
      }
      values.add(n.doubleValue());
    }
    return values;
  }
}
