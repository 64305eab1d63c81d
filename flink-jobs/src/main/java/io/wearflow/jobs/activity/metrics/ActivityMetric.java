package io.wearflow.jobs.activity.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * A per-second metric of a recorded activity, with its unit, the physiological (or physical) bounds
 * outside which a sample is a sensor spike ({@link SpikeGuard}), and how a mean-max curve treats a
 * gap in its recording ({@link GapFill}).
 *
 * <p>Bounds are deliberately generous, so that no real effort is ever rejected; they only catch
 * readings no human or bike can produce (a 30 kW power sample, a heart rate of 300 bpm):
 *
 * <table>
 *   <caption>Bounds (inclusive)</caption>
 *   <tr><th>metric</th><th>unit</th><th>min</th><th>max</th><th>why</th></tr>
 *   <tr><td>power</td><td>W</td><td>0</td><td>3000</td><td>elite track sprinters peak near
 *       2600 W for 1 s</td></tr>
 *   <tr><td>speed</td><td>m/s</td><td>0</td><td>40</td><td>144 km/h, above the fastest road
 *       descents</td></tr>
 *   <tr><td>heart_rate</td><td>bpm</td><td>25</td><td>250</td><td>resting bradycardia of
 *       athletes to the highest recorded maxima</td></tr>
 *   <tr><td>cadence</td><td>rpm (steps or strides/min)</td><td>0</td><td>250</td><td>track
 *       sprint cadence and running steps/min</td></tr>
 *   <tr><td>altitude</td><td>m</td><td>-500</td><td>9000</td><td>Dead Sea shore to Everest</td></tr>
 *   <tr><td>distance</td><td>m (cumulative)</td><td>0</td><td>1,000,000</td><td>1000 km in one
 *       activity</td></tr>
 *   <tr><td>temperature</td><td>°C</td><td>-50</td><td>70</td><td>ambient, device
 *       sensor</td></tr>
 *   <tr><td>core_temperature</td><td>°C</td><td>33</td><td>44</td><td>below is severe
 *       hypothermia, above is not survivable</td></tr>
 *   <tr><td>smo2</td><td>%</td><td>0</td><td>100</td><td>a saturation</td></tr>
 * </table>
 */
public enum ActivityMetric {
  POWER("power", "W", 0, 3000, GapFill.ZERO),
  SPEED("speed", "m/s", 0, 40, GapFill.ZERO),
  HEART_RATE("heart_rate", "bpm", 25, 250, GapFill.BREAK),
  CADENCE("cadence", "rpm", 0, 250, GapFill.ZERO),
  ALTITUDE("altitude", "m", -500, 9000, GapFill.BREAK),
  DISTANCE("distance", "m", 0, 1_000_000, GapFill.BREAK),
  TEMPERATURE("temperature", "°C", -50, 70, GapFill.BREAK),
  CORE_TEMPERATURE("core_temperature", "°C", 33, 44, GapFill.BREAK),
  SMO2("smo2", "%", 0, 100, GapFill.BREAK);

  /**
   * How a mean-max window treats seconds without a recording (a pause, a dropout longer than {@link
   * SecondSeries#MAX_HOLD_SECONDS}).
   */
  public enum GapFill {
    /**
     * Gap seconds count as zero, as GoldenCheetah does for power: a stopped rider produces no work,
     * so a 20-minute window spanning a café stop is a (lower) 20-minute average, not two halves.
     */
    ZERO,
    /**
     * Gap seconds break windows: no window spans them. Zero heart rate or temperature would be a
     * false reading, so the curve is the best over the recorded stretches only.
     */
    BREAK
  }

  private final String wireName;
  private final String unit;
  private final double min;
  private final double max;
  private final GapFill gapFill;

  ActivityMetric(String wireName, String unit, double min, double max, GapFill gapFill) {
    this.wireName = wireName;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.gapFill = gapFill;
  }

  /** The name in the API and in CSV headers ({@code heart_rate}). */
  public String wireName() {
    return wireName;
  }

  public String unit() {
    return unit;
  }

  /** Smallest plausible value (inclusive). */
  public double min() {
    return min;
  }

  /** Largest plausible value (inclusive). */
  public double max() {
    return max;
  }

  public GapFill gapFill() {
    return gapFill;
  }

  /** Whether a finite value lies within this metric's bounds; NaN and infinities never do. */
  public boolean isPlausible(double value) {
    return value >= min && value <= max;
  }

  public static Optional<ActivityMetric> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }
}
