package io.wearflow.infra.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The frame batches of one device that the edge accepted and a reader has not yet seen in the
 * computed data, in the order they were accepted (one sender per device, so their last frame
 * timestamps rise). When a reader sees computed data whose {@code last_timestamp} reaches a batch's
 * last frame, the batch is readable: its latency is the time from the accept (the answer received
 * by the sender, {@link System#nanoTime}) to the moment the reader got that data. Thread-safe: one
 * sender and one reader.
 */
final class PendingBatches {

  private record Batch(long lastTimestamp, long acceptedNanos, BatchTrace trace) {}

  private final ConcurrentLinkedQueue<Batch> pending = new ConcurrentLinkedQueue<>();

  /** A batch whose newest frame is at {@code lastTimestamp} (epoch ms) was accepted. */
  void accepted(long lastTimestamp, long acceptedNanos) {
    accepted(lastTimestamp, acceptedNanos, null);
  }

  /** As {@link #accepted(long, long)}, with the batch's trace handed back when it completes. */
  void accepted(long lastTimestamp, long acceptedNanos, BatchTrace trace) {
    pending.add(new Batch(lastTimestamp, acceptedNanos, trace));
  }

  /**
   * The computed data read at {@code readNanos} includes every frame up to {@code lastTimestamp}:
   * records the latency of each batch it completes and forgets them.
   *
   * @return how many batches it completed
   */
  int readable(long lastTimestamp, long readNanos, LatencyRecorder latencies) {
    return readable(lastTimestamp, readNanos, latencies, trace -> {});
  }

  /**
   * As {@link #readable(long, long, LatencyRecorder)}; {@code done} gets the trace of each
   * completed batch that has one.
   */
  int readable(
      long lastTimestamp, long readNanos, LatencyRecorder latencies, Consumer<BatchTrace> done) {
    int completed = 0;
    for (Batch head = pending.peek();
        head != null && head.lastTimestamp() <= lastTimestamp;
        head = pending.peek()) {
      pending.poll();
      latencies.record(Math.max(0, readNanos - head.acceptedNanos()));
      if (head.trace() != null) {
        done.accept(head.trace());
      }
      completed++;
    }
    return completed;
  }

  /** Batches accepted and not yet seen. */
  int size() {
    return pending.size();
  }

  void clear() {
    pending.clear();
  }
}
