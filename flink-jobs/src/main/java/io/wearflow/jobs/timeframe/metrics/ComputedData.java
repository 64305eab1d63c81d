package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a timeframe's computed data, as served by {@code GET
 * /v1/timeframes/{timeFrame}/computed-data/}. {@link #toJson()} gives the reference's field names
 * and nesting, plus {@code params}: the settings that produced the numbers.
 *
 * @param firstTimestamp epoch ms of the first frame used, null before any
 * @param lastTimestamp epoch ms of the last frame used, null before any
 * @param lastComputation epoch ms at which the snapshot was taken
 * @param totalDistance metres
 * @param maxSpeed highest smoothed speed, m/s (0 before any)
 * @param averageSpeed total distance over covered time (gaps excluded), m/s
 * @param accelerations per acceleration threshold, ascending
 * @param decelerations per deceleration threshold (magnitudes), ascending
 * @param sprint per sprint threshold
 * @param hid per high-intensity threshold
 * @param speedRanges time and distance per speed band
 * @param intensity distance per span
 * @param hrMax highest heart rate, bpm (0 without heart rate, as in the reference)
 * @param hrMin lowest heart rate, bpm (0 without heart rate)
 * @param hrAvg mean heart rate, bpm (0 without heart rate)
 * @param athleteMaxHr the maximum heart rate the zones are drawn from: params' {@code max_hr}, else
 *     the highest reading, else 0
 * @param timePerHrZone time per heart-rate zone (empty when {@code athleteMaxHr} is 0)
 * @param params the settings used
 */
public record ComputedData(
    Long firstTimestamp,
    Long lastTimestamp,
    long lastComputation,
    double totalDistance,
    double maxSpeed,
    double averageSpeed,
    List<ThresholdEvents> accelerations,
    List<ThresholdEvents> decelerations,
    List<ThresholdEvents> sprint,
    List<ThresholdEvents> hid,
    List<SpeedRange> speedRanges,
    Intensity intensity,
    double hrMax,
    double hrMin,
    double hrAvg,
    double athleteMaxHr,
    List<HrZone> timePerHrZone,
    TimeframeParams params)
    implements Serializable {

  /**
   * The reference's JSON object as nested maps and lists (any JSON library writes it as is). {@code
   * hr_plot} has no documented meaning in the reference and is always 0.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("first_timestamp", firstTimestamp);
    json.put("last_timestamp", lastTimestamp);
    json.put("last_computation", lastComputation);
    json.put("total_distance", totalDistance);
    json.put("max_speed", maxSpeed);
    json.put("average_speed", averageSpeed);
    json.put("accelerations", ThresholdEvents.toJson(accelerations));
    json.put("decelerations", ThresholdEvents.toJson(decelerations));
    json.put("sprint", ThresholdEvents.toJson(sprint));
    json.put("hid", ThresholdEvents.toJson(hid));
    json.put("time_per_speed_ranges", speedRangesJson(true));
    json.put("distance_per_speed_ranges", speedRangesJson(false));
    Map<String, Object> intensityJson = new LinkedHashMap<>();
    intensityJson.put("distance", intensity.distance());
    intensityJson.put("start_time", intensity.startTime());
    intensityJson.put("span", intensity.spanMillis() / 1000.0);
    intensityJson.put("end_time", intensity.endTime());
    json.put("intensity", intensityJson);
    json.put("hr_max", hrMax);
    json.put("hr_min", hrMin);
    json.put("hr_avg", hrAvg);
    json.put("hr_plot", 0);
    json.put("athlete_max_hr", athleteMaxHr);
    List<Object> zones = new ArrayList<>();
    for (HrZone zone : timePerHrZone) {
      Map<String, Object> zoneJson = new LinkedHashMap<>();
      zoneJson.put("percentage_hrmax", zone.percentageHrmax());
      zoneJson.put("range_bpm", zone.rangeBpm());
      zoneJson.put("range_percent_hrmax", zone.rangePercentHrmax());
      zones.add(zoneJson);
    }
    json.put("timePerHrZone", zones);
    json.put("params", params.toJson());
    return json;
  }

  private List<Object> speedRangesJson(boolean time) {
    long totalMillis = speedRanges.stream().mapToLong(SpeedRange::durationMillis).sum();
    double totalMetres = speedRanges.stream().mapToDouble(SpeedRange::distance).sum();
    List<Object> ranges = new ArrayList<>();
    for (SpeedRange range : speedRanges) {
      Map<String, Object> json = new LinkedHashMap<>();
      if (time) {
        json.put("duration", range.duration());
        json.put("ratio", totalMillis == 0 ? 0.0 : (double) range.durationMillis() / totalMillis);
      } else {
        json.put("distance", range.distance());
        json.put("ratio", totalMetres == 0 ? 0.0 : range.distance() / totalMetres);
      }
      json.put("threshold_low", range.thresholdLow());
      json.put("threshold_high", range.thresholdHigh());
      ranges.add(json);
    }
    return ranges;
  }
}
