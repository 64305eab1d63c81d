package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the events of one threshold in a stream of segment values: an event starts with the first
 * segment whose value passes the threshold and ends with the first one that does not (or with a
 * gap), however short the dip: the reference lists two sprints 0.1 s apart as two events. An event
 * shorter than the minimum duration is dropped. The event still open is reported as if it ended at
 * the last segment, so the result after the last frame is final.
 */
final class ThresholdRun implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final boolean below;
  private final long minDurationMillis;
  private final boolean withSpeeds;
  private final List<ThresholdEvent> closed = new ArrayList<>();

  private boolean open;
  private long start;
  private long durationMillis;
  private double distance;
  private double extreme;
  private double initialSpeed;
  private double endSpeed;

  /**
   * @param threshold positive magnitude
   * @param below whether values pass when {@code <= -threshold} (decelerations) instead of {@code
   *     >= threshold}
   */
  ThresholdRun(double threshold, boolean below, long minDurationMillis, boolean withSpeeds) {
    this.threshold = threshold;
    this.below = below;
    this.minDurationMillis = minDurationMillis;
    this.withSpeeds = withSpeeds;
  }

  void accept(Segment segment, double value) {
    boolean passes = below ? value <= -threshold : value >= threshold;
    if (!passes) {
      close();
      return;
    }
    if (!open) {
      open = true;
      start = segment.startTime();
      durationMillis = 0;
      distance = 0;
      extreme = value;
      initialSpeed = segment.startSpeed();
    }
    durationMillis += segment.durationMillis();
    distance += segment.distance();
    extreme = below ? Math.min(extreme, value) : Math.max(extreme, value);
    endSpeed = segment.endSpeed();
  }

  /** Ends the open event, if any (a gap, or a segment without a value). */
  void close() {
    if (open) {
      open = false;
      if (durationMillis >= minDurationMillis) {
        closed.add(current());
      }
    }
  }

  ThresholdEvents events() {
    List<ThresholdEvent> all = new ArrayList<>(closed);
    if (open && durationMillis >= minDurationMillis) {
      all.add(current());
    }
    return new ThresholdEvents(threshold, all);
  }

  private ThresholdEvent current() {
    return new ThresholdEvent(
        start,
        extreme,
        durationMillis,
        distance,
        withSpeeds ? initialSpeed : null,
        withSpeeds ? endSpeed : null);
  }
}
