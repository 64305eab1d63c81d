package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Heart-rate figures of a timeframe. Minimum, maximum and mean are over the readings (each reading
 * counts once; devices report heart rate at a steady rate). Time per zone is time-weighted: a
 * reading holds until the next one, unless they are more than the maximum gap apart, in which case
 * the interval counts nowhere. Times are kept per 0.1 bpm so that zones can be drawn at snapshot
 * time, when the maximum heart rate may only be known from the readings themselves.
 */
public final class HeartRateStats implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long maxGapMillis;
  private final TreeMap<Integer, Long> millisPerDeciBpm = new TreeMap<>();
  private long count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private boolean hasLast;
  private long lastTime;
  private int lastDeciBpm;

  public HeartRateStats(long maxGapMillis) {
    this.maxGapMillis = maxGapMillis;
  }

  /** Adds a reading in bpm; timestamps must increase. */
  public void add(long timestamp, double bpm) {
    if (hasLast && timestamp - lastTime <= maxGapMillis) {
      millisPerDeciBpm.merge(lastDeciBpm, timestamp - lastTime, Long::sum);
    }
    hasLast = true;
    lastTime = timestamp;
    lastDeciBpm = (int) Math.round(bpm * 10);
    count++;
    sum += bpm;
    min = Math.min(min, bpm);
    max = Math.max(max, bpm);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Lowest reading, bpm (0 when none, as in the reference). */
  public double min() {
    return isEmpty() ? 0 : min;
  }

  /** Highest reading, bpm (0 when none). */
  public double max() {
    return isEmpty() ? 0 : max;
  }

  /** Mean of the readings, bpm (0 when none). */
  public double average() {
    return isEmpty() ? 0 : sum / count;
  }

  /**
   * The time per zone.
   *
   * @param maxHr the maximum heart rate, bpm
   * @param boundsPercent zone bounds in % of {@code maxHr}, ascending from 0 (n bounds, n - 1
   *     zones)
   */
  public List<HrZone> zones(double maxHr, List<Double> boundsPercent) {
    int zoneCount = boundsPercent.size() - 1;
    long[] millis = new long[zoneCount];
    long total = 0;
    for (Map.Entry<Integer, Long> entry : millisPerDeciBpm.entrySet()) {
      double bpm = entry.getKey() / 10.0;
      int zone = 0;
      while (zone + 1 < zoneCount && bpm >= boundsPercent.get(zone + 1) * maxHr / 100) {
        zone++;
      }
      millis[zone] += entry.getValue();
      total += entry.getValue();
    }
    List<HrZone> zones = new ArrayList<>();
    for (int i = 0; i < zoneCount; i++) {
      double low = boundsPercent.get(i);
      double high = boundsPercent.get(i + 1);
      zones.add(
          new HrZone(
              total == 0 ? 0 : 100.0 * millis[i] / total,
              millis[i],
              List.of(low * maxHr / 100, high * maxHr / 100),
              List.of(low, high)));
    }
    return zones;
  }
}
