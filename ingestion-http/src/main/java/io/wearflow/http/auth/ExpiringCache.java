package io.wearflow.http.auth;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small concurrent cache whose entries each expire at a deadline of their own, holding about
 * {@code maxEntries} at most; the edge's per-request caches (verified tokens, accounts, device
 * ownership) are built on it so that a request does not redo work or a database round trip that an
 * earlier one already did. Deadlines and "now" are ticks of one {@link LongSupplier} (milliseconds
 * of a {@link java.time.Clock} or {@link System#nanoTime()}); an entry is returned only while now
 * is before its deadline, checked on every hit.
 *
 * <p>Eviction is deliberately simple: when full, expired entries go first, then arbitrary ones down
 * to three quarters of the bound (the working sets are far below the bounds; the bound only stops a
 * flood of distinct keys from growing the heap). Concurrent writers can overshoot the bound by at
 * most one entry each.
 *
 * <p>A value loaded while an invalidation ran is never kept: take {@link #stamp()} before reading
 * the source and pass it to {@link #put}.
 */
public final class ExpiringCache<K, V> {

  private record Entry<V>(V value, long deadline) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final LongSupplier ticks;
  private final AtomicLong invalidations = new AtomicLong();

  /**
   * @param maxEntries the bound, at least 1
   * @param ticks "now", in the unit of the deadlines passed to {@link #put}
   */
  public ExpiringCache(int maxEntries, LongSupplier ticks) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.ticks = Objects.requireNonNull(ticks, "ticks");
  }

  /** The cached value, or null when there is none or its deadline has been reached. */
  public V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (reached(entry.deadline, ticks.getAsLong())) {
      entries.remove(key, entry);
      return null;
    }
    return entry.value;
  }

  /** The current stamp, to be taken before loading a value that is then {@link #put}. */
  public long stamp() {
    return invalidations.get();
  }

  /**
   * Caches {@code value} until {@code deadline}, unless the deadline has already been reached or an
   * invalidation happened since {@code stamp} was taken (the value may then be stale).
   */
  public void put(K key, V value, long deadline, long stamp) {
    Objects.requireNonNull(value, "value");
    if (reached(deadline, ticks.getAsLong())) {
      return;
    }
    if (entries.size() >= maxEntries) {
      evict();
    }
    Entry<V> entry = new Entry<>(value, deadline);
    entries.put(key, entry);
    // Checked after the insert: an invalidation either ran before this read (seen here) or removes
    // the entry itself afterwards.
    if (invalidations.get() != stamp) {
      entries.remove(key, entry);
    }
  }

  /** Drops the entry of {@code key}, and keeps loads already under way from caching theirs. */
  public void invalidate(K key) {
    invalidations.incrementAndGet();
    entries.remove(key);
  }

  /** Drops every entry whose key matches, and keeps loads under way from caching theirs. */
  public void invalidateIf(Predicate<? super K> keys) {
    invalidations.incrementAndGet();
    entries.keySet().removeIf(keys);
  }

  /** The number of entries held, expired ones included until they are touched or evicted. */
  public int size() {
    return entries.size();
  }

  private synchronized void evict() {
    if (entries.size() < maxEntries) {
      return;
    }
    long now = ticks.getAsLong();
    entries.values().removeIf(entry -> reached(entry.deadline, now));
    int excess = entries.size() - maxEntries * 3 / 4;
    Iterator<K> keys = entries.keySet().iterator();
    while (excess > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
      excess--;
    }
  }

  private static boolean reached(long deadline, long now) {
    // A difference, not a comparison, so that System.nanoTime() ticks may wrap around.
    return now - deadline >= 0;
  }
}
