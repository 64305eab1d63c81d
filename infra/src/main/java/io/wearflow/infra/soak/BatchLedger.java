package io.wearflow.infra.soak;

import java.util.BitSet;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The soak client's bookkeeping of its batches, numbered 0, 1, 2, ... as they are created: like a
 * device that keeps what it recorded until the server acknowledged it, a batch stays here until a
 * send of it got a 2xx, and one that failed (connection refused while the stack is down, a 503) is
 * sent again after {@code retryDelayMillis}. A random share of acknowledged batches is also sent a
 * second time (a client that never got the answer does that), which must not count twice. New
 * batches go out in order; due retries and duplicates go before them. Thread-safe; times are
 * milliseconds on any monotonic clock.
 */
public final class BatchLedger {

  /**
   * One send to make.
   *
   * @param batch the batch's number
   * @param kind why it is sent
   */
  public record Send(long batch, Kind kind) {}

  /** Why a batch is sent. */
  public enum Kind {
    /** The first send of a new batch. */
    NEW,
    /** Again, after a send of it failed. */
    RETRY,
    /** Again, although it was acknowledged. */
    DUPLICATE
  }

  /**
   * Counts so far.
   *
   * @param created batches created
   * @param sent sends started
   * @param acknowledged distinct batches acknowledged
   * @param retried sends of batches after a failed send
   * @param duplicates sends of batches already acknowledged
   * @param failed sends that got no 2xx
   * @param waiting batches created and not yet acknowledged
   */
  public record Counts(
      long created,
      long sent,
      long acknowledged,
      long retried,
      long duplicates,
      long failed,
      long waiting) {}

  private record Due(long atMillis, Send send) {}

  private final RandomGenerator random;
  private final double duplicateShare;
  private final long retryDelayMillis;
  private final long maxDuplicateDelayMillis;
  private final PriorityQueue<Due> due =
      new PriorityQueue<>(
          Comparator.comparingLong(Due::atMillis).thenComparingLong(d -> d.send().batch()));
  private final BitSet acknowledged = new BitSet();
  private long created;
  private long nextNew;
  private long sent;
  private long retried;
  private long duplicates;
  private long failed;

  /**
   * @param random decides which acknowledged batches are sent again
   * @param duplicateShare the share (0 to 1) of acknowledged batches sent a second time
   * @param retryDelayMillis how long after a failed send the batch is sent again
   * @param maxDuplicateDelayMillis a duplicate goes out up to this long after the acknowledgement
   */
  public BatchLedger(
      RandomGenerator random,
      double duplicateShare,
      long retryDelayMillis,
      long maxDuplicateDelayMillis) {
    if (duplicateShare < 0 || duplicateShare > 1) {
      throw new IllegalArgumentException("duplicate share must be between 0 and 1");
    }
    this.random = random;
    this.duplicateShare = duplicateShare;
    this.retryDelayMillis = retryDelayMillis;
    this.maxDuplicateDelayMillis = maxDuplicateDelayMillis;
  }

  /** Creates batches until there are {@code total}. */
  public synchronized void createUpTo(long total) {
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " batches");
    }
    created = Math.max(created, total);
  }

  /** The next send due at {@code nowMillis}: a due retry or duplicate first, else a new batch. */
  public synchronized Optional<Send> next(long nowMillis) {
    Send send = null;
    if (!due.isEmpty() && due.peek().atMillis() <= nowMillis) {
      send = due.poll().send();
      if (send.kind() == Kind.RETRY) {
        retried++;
      } else {
        duplicates++;
      }
    } else if (nextNew < created) {
      send = new Send(nextNew++, Kind.NEW);
    }
    if (send != null) {
      sent++;
    }
    return Optional.ofNullable(send);
  }

  /** {@code send} got a 2xx at {@code nowMillis}. */
  public synchronized void acknowledged(Send send, long nowMillis) {
    int batch = (int) send.batch();
    if (acknowledged.get(batch)) {
      return;
    }
    acknowledged.set(batch);
    if (send.kind() != Kind.DUPLICATE && random.nextDouble() < duplicateShare) {
      long delay = maxDuplicateDelayMillis <= 0 ? 0 : random.nextLong(maxDuplicateDelayMillis + 1);
      due.add(new Due(nowMillis + delay, new Send(send.batch(), Kind.DUPLICATE)));
    }
  }

  /**
   * {@code send} got no 2xx at {@code nowMillis}: the batch is sent again later, unless it is
   * already acknowledged (then a failed duplicate is simply dropped).
   */
  public synchronized void failed(Send send, long nowMillis) {
    failed++;
    if (!acknowledged.get((int) send.batch())) {
      due.add(new Due(nowMillis + retryDelayMillis, new Send(send.batch(), Kind.RETRY)));
    }
  }

  /** True when every batch created so far was acknowledged. */
  public synchronized boolean allAcknowledged() {
    return acknowledged.cardinality() == created;
  }

  public synchronized boolean isAcknowledged(long batch) {
    return acknowledged.get((int) batch);
  }

  public synchronized Counts counts() {
    long acked = acknowledged.cardinality();
    return new Counts(created, sent, acked, retried, duplicates, failed, created - acked);
  }
}
