package io.wearflow.jobs.timeframe;

import io.wearflow.jobs.timeframe.metrics.ComputedData;
import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeMetrics;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import java.io.Serializable;

/**
 * The computation of one timeframe (one version of its definition) for its device: the metrics so
 * far, whether they must be rebuilt from the stored frames ({@link #isStale()}: new definition or a
 * frame older than the last one used), whether a change waits to be published ({@link #isDirty()})
 * and whether the result is final.
 *
 * <p>In-order frames are added in constant time; anything else marks the metrics stale, and the
 * caller rebuilds them once with {@link #recompute} before the next publication, so a burst of late
 * frames costs one recomputation.
 */
final class TimeframeProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long version;
  private final long start;
  private final long end;
  private final TimeframeParams params;
  private TimeframeMetrics metrics;
  private boolean stale = true;
  private boolean dirty = true;
  private boolean complete;

  /**
   * A new computation, stale (it must be computed from the stored frames) and dirty.
   *
   * @param start epoch ms, inclusive
   * @param end epoch ms, inclusive
   */
  TimeframeProgress(long version, long start, long end, TimeframeParams params) {
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    this.version = version;
    this.start = start;
    this.end = end;
    this.params = params;
  }

  long version() {
    return version;
  }

  long end() {
    return end;
  }

  boolean covers(long timestamp) {
    return start <= timestamp && timestamp <= end;
  }

  boolean isStale() {
    return stale;
  }

  boolean isDirty() {
    return dirty;
  }

  boolean isFinal() {
    return complete;
  }

  /**
   * Takes a frame not seen before (the caller deduplicates by timestamp).
   *
   * @return whether the timeframe changed (the frame is inside it)
   */
  boolean offer(Frame frame) {
    if (!covers(frame.timestamp())) {
      return false;
    }
    if (!stale) {
      if (frame.timestamp() > metrics.lastTimestamp()) {
        metrics.add(frame);
      } else {
        stale = true;
      }
    }
    dirty = true;
    return true;
  }

  /** Rebuilds the metrics from every stored frame of the device, in timestamp order. */
  void recompute(Iterable<Frame> framesInOrder) {
    metrics = new TimeframeMetrics(start, end, params);
    for (Frame frame : framesInOrder) {
      metrics.add(frame);
    }
    stale = false;
  }

  /**
   * Marks the result final once the device's time has passed the end by {@code lateness}; a final
   * result is published once more.
   *
   * @param now the later of the device's event time and the processing time, epoch ms
   * @return whether it just became final
   */
  boolean completeIfPast(long now, long lateness) {
    if (complete || now < end + lateness) {
      return false;
    }
    complete = true;
    dirty = true;
    return true;
  }

  /**
   * The computed data to publish, clearing the dirty mark.
   *
   * @throws IllegalStateException while stale
   */
  ComputedData publish(long computedAtMillis) {
    if (stale) {
      throw new IllegalStateException("recompute before publishing");
    }
    dirty = false;
    return metrics.snapshot(computedAtMillis);
  }
}
