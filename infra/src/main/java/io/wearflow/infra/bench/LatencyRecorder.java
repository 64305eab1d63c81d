package io.wearflow.infra.bench;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from many threads; cheap enough for thousands per second. */
final class LatencyRecorder {

  private long[] values = new long[4096];
  private int size;

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized Percentiles percentiles() {
    return Percentiles.of(Arrays.copyOf(values, size));
  }
}
