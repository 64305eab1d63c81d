package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Time and distance per speed band. A segment falls in the band of its speed (the smoothed speed of
 * its end frame): the band whose lower bound is the highest one not above the speed.
 */
public final class SpeedRanges implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] lowerBounds;
  private final long[] millis;
  private final double[] metres;

  /** Bands starting at each of {@code lowerBounds} (ascending from 0, m/s); the last is open. */
  public SpeedRanges(List<Double> lowerBounds) {
    this.lowerBounds = lowerBounds.stream().mapToDouble(Double::doubleValue).toArray();
    this.millis = new long[this.lowerBounds.length];
    this.metres = new double[this.lowerBounds.length];
  }

  /** Counts a segment. */
  public void add(Segment segment) {
    int band = 0;
    while (band + 1 < lowerBounds.length && segment.endSpeed() >= lowerBounds[band + 1]) {
      band++;
    }
    millis[band] += segment.durationMillis();
    metres[band] += segment.distance();
  }

  /** The bands, slowest first. */
  public List<SpeedRange> ranges() {
    List<SpeedRange> ranges = new ArrayList<>();
    for (int i = 0; i < lowerBounds.length; i++) {
      Double high = i + 1 < lowerBounds.length ? lowerBounds[i + 1] : null;
      ranges.add(new SpeedRange(lowerBounds[i], high, millis[i], metres[i]));
    }
    return ranges;
  }
}
