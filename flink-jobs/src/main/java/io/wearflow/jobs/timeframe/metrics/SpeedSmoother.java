package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;

/**
 * A causal moving average of speed over time: the smoothed speed at time {@code t} is the plain
 * mean of the raw speeds of the frames in {@code (t - window, t]} of the current run (frames since
 * the last gap). A window of 0 turns smoothing off. Causal so that live values never change once
 * computed; the price is a lag of about half the window (0.25 s by default).
 */
public final class SpeedSmoother implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long windowMillis;
  private long[] times = new long[8];
  private double[] speeds = new double[8];
  private int head;
  private int size;

  /** A smoother over {@code windowMillis} (0: no smoothing). */
  public SpeedSmoother(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /**
   * Adds the raw speed (m/s, NaN when unknown) at {@code timestamp} and returns the smoothed speed
   * then, NaN when no frame of the window has a speed. Timestamps must increase.
   */
  public double add(long timestamp, double rawSpeed) {
    while (size > 0 && times[head] <= timestamp - windowMillis) {
      head = (head + 1) % times.length;
      size--;
    }
    if (!Double.isNaN(rawSpeed)) {
      if (size == times.length) {
        grow();
      }
      int at = (head + size) % times.length;
      times[at] = timestamp;
      speeds[at] = rawSpeed;
      size++;
    }
    if (size == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += speeds[(head + i) % speeds.length];
    }
    return sum / size;
  }

  /** Forgets the window, after a gap. */
  public void reset() {
    head = 0;
    size = 0;
  }

  private void grow() {
    long[] newTimes = new long[times.length * 2];
    double[] newSpeeds = new double[speeds.length * 2];
    for (int i = 0; i < size; i++) {
      newTimes[i] = times[(head + i) % times.length];
      newSpeeds[i] = speeds[(head + i) % speeds.length];
    }
    times = newTimes;
    speeds = newSpeeds;
    head = 0;
  }
}
