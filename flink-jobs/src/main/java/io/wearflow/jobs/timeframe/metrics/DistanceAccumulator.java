package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * Total distance and covered time of a timeframe. A segment's distance is the trapezoid of the
 * device speeds ({@code (v0 + v1) / 2 * dt}) when both of its frames carry one (device speeds,
 * usually Doppler, are steadier than positions), else the straight-line distance between the two
 * positions. Gaps between frames add neither distance nor time (they never become segments).
 */
public final class DistanceAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;

  private double totalMetres;
  private long coveredMillis;

  /**
   * The distance in metres between two consecutive frames.
   *
   * @param from the earlier position, local metres {x, y}
   * @param fromSpeed the earlier frame's device speed, m/s, NaN when absent
   * @param to the later position
   * @param toSpeed the later frame's device speed, NaN when absent
   * @param durationMillis time between the frames
   */
  public static double segmentDistance(
      double[] from, double fromSpeed, double[] to, double toSpeed, long durationMillis) {
    if (!Double.isNaN(fromSpeed) && !Double.isNaN(toSpeed)) {
      return (fromSpeed + toSpeed) / 2 * durationMillis / 1000.0;
    }
    return Math.hypot(to[0] - from[0], to[1] - from[1]);
  }

  /** Counts a segment. */
  public void add(Segment segment) {
    totalMetres += segment.distance();
    coveredMillis += segment.durationMillis();
  }

  /** Metres covered. */
  public double totalMetres() {
    return totalMetres;
  }

  /** Milliseconds covered by segments (the timeframe's time with data, gaps excluded). */
  public long coveredMillis() {
    return coveredMillis;
  }

  /** Distance over covered time, m/s; 0 before any segment. */
  public double averageSpeed() {
    return coveredMillis == 0 ? 0 : totalMetres * 1000.0 / coveredMillis;
  }
}
