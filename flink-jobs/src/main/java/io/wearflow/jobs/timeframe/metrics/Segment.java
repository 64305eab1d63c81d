package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * The movement between two consecutive frames of a run (no gap between them): what every time-based
 * metric adds up. A segment takes the smoothed speed of its end frame as its speed.
 *
 * @param startTime epoch ms of the earlier frame
 * @param endTime epoch ms of the later frame, after {@code startTime}
 * @param distance metres covered
 * @param startSpeed smoothed speed at the earlier frame, m/s, NaN when unknown
 * @param endSpeed smoothed speed at the later frame, m/s
 */
public record Segment(
    long startTime, long endTime, double distance, double startSpeed, double endSpeed)
    implements Serializable {

  /** Duration in milliseconds. */
  public long durationMillis() {
    return endTime - startTime;
  }

  /** Mean acceleration over the segment, m/s², NaN when the start speed is unknown. */
  public double acceleration() {
    return (endSpeed - startSpeed) * 1000.0 / durationMillis();
  }
}
