package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates the distance per span (300 s by default) counted from the timeframe's start; a
 * segment belongs entirely to the span its start falls in.
 */
public final class IntensitySpans implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long startTime;
  private final long spanMillis;
  private double[] metres = new double[4];
  private int size;

  public IntensitySpans(long startTime, long spanMillis) {
    this.startTime = startTime;
    this.spanMillis = spanMillis;
  }

  /** Counts a segment; segments must not start before {@code startTime}. */
  public void add(Segment segment) {
    int span = (int) ((segment.startTime() - startTime) / spanMillis);
    if (span >= metres.length) {
      metres = Arrays.copyOf(metres, Math.max(span + 1, metres.length * 2));
    }
    metres[span] += segment.distance();
    size = Math.max(size, span + 1);
  }

  public Intensity intensity() {
    List<Double> distance = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      distance.add(metres[i]);
    }
    return new Intensity(startTime, spanMillis, distance);
  }
}
