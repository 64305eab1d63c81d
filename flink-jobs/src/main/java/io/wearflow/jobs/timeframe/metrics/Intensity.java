package io.wearflow.jobs.timeframe.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * Distance per fixed span of the timeframe: {@code distance.get(k)} is the metres covered by the
 * segments starting in {@code [startTime + k * span, startTime + (k + 1) * span)}.
 *
 * @param startTime epoch ms, the timeframe's start
 * @param spanMillis width of a span, ms
 * @param distance metres per span, up to the span of the last segment
 */
public record Intensity(long startTime, long spanMillis, List<Double> distance)
    implements Serializable {

  public Intensity {
    distance = List.copyOf(distance);
  }

  /** Epoch ms at which the last listed span ends. */
  public long endTime() {
    return startTime + spanMillis * distance.size();
  }
}
