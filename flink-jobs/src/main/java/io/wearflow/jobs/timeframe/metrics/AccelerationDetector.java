package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Accelerations (or decelerations) per threshold. A segment's acceleration is the change of the
 * smoothed speed over it divided by its duration; an event is a maximal run of segments whose
 * acceleration is at least the threshold (at most minus the threshold for decelerations), kept when
 * it lasts at least the minimum duration. Each threshold is independent: a 3.4 m/s² burst is listed
 * under 2 m/s² and under 3 m/s².
 */
public final class AccelerationDetector implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<ThresholdRun> runs = new ArrayList<>();

  /**
   * @param thresholds ascending positive magnitudes, m/s²
   * @param decelerations whether to find decelerations instead of accelerations
   * @param minDurationMillis shorter events are dropped
   */
  public AccelerationDetector(
      List<Double> thresholds, boolean decelerations, long minDurationMillis) {
    for (double threshold : thresholds) {
      runs.add(new ThresholdRun(threshold, decelerations, minDurationMillis, true));
    }
  }

  /** Adds the next segment; one without a start speed ends the open events. */
  public void accept(Segment segment) {
    double acceleration = segment.acceleration();
    for (ThresholdRun run : runs) {
      if (Double.isNaN(acceleration)) {
        run.close();
      } else {
        run.accept(segment, acceleration);
      }
    }
  }

  /** Ends the open events: a gap in the frames. */
  public void breakRun() {
    runs.forEach(ThresholdRun::close);
  }

  /** The events so far per threshold, the open ones included as if they ended now. */
  public List<ThresholdEvents> events() {
    return runs.stream().map(ThresholdRun::events).toList();
  }
}
