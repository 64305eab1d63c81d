package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Sprints or high-intensity runs per threshold: an event is a maximal run of segments whose
 * smoothed speed is at least the threshold, kept when it lasts at least the minimum duration. Each
 * threshold is independent (a 5.2 m/s run appears under 4 m/s and under 5 m/s).
 */
public final class SpeedEventDetector implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<ThresholdRun> runs = new ArrayList<>();

  /**
   * @param thresholds ascending speeds, m/s
   * @param minDurationMillis shorter events are dropped
   */
  public SpeedEventDetector(List<Double> thresholds, long minDurationMillis) {
    for (double threshold : thresholds) {
      runs.add(new ThresholdRun(threshold, false, minDurationMillis, false));
    }
  }

  /** Adds the next segment. */
  public void accept(Segment segment) {
    for (ThresholdRun run : runs) {
      run.accept(segment, segment.endSpeed());
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
