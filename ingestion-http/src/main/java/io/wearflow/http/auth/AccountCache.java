package io.wearflow.http.auth;

import io.wearflow.connectors.postgres.Account;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The accounts behind bearer tokens, read once per {@link #TTL} (2 s) instead of once per request:
 * every authenticated request needs its account (does it still exist, its username and role), and a
 * client sends many requests a second with the same token. Writes through this edge's {@link
 * #invalidating() accounts} drop the entry at once, so on the instance that deleted or changed an
 * account the change applies to the next request; another edge instance sees it within the TTL.
 * Absent accounts are remembered too (ids are never reused; creating an account drops its entry).
 */
public final class AccountCache {

  /** How long a lookup is reused. */
  public static final Duration TTL = Duration.ofSeconds(2);

  /** How many accounts are remembered. */
  public static final int MAX_ENTRIES = 4096;

  private final Accounts source;
  private final long ttlNanos;
  private final LongSupplier nanoTicks;
  private final ExpiringCache<Long, Optional<Account>> cache;

  public AccountCache(Accounts source) {
    this(source, TTL, MAX_ENTRIES, System::nanoTime);
  }

  /**
   * @param nanoTicks "now" in nanoseconds of any origin ({@link System#nanoTime()})
   */
  AccountCache(Accounts source, Duration ttl, int maxEntries, LongSupplier nanoTicks) {
    this.source = Objects.requireNonNull(source, "source");
    this.ttlNanos = ttl.toNanos();
    this.nanoTicks = nanoTicks;
    this.cache = new ExpiringCache<>(maxEntries, nanoTicks);
  }

  /** {@link Accounts#findById}, at most {@link #TTL} old. */
  public Optional<Account> findById(long id) {
    Optional<Account> cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    long stamp = cache.stamp();
    Optional<Account> account = source.findById(id);
    cache.put(id, account, nanoTicks.getAsLong() + ttlNanos, stamp);
    return account;
  }

  /** Forgets the account {@code id}: its next lookup reads the source. */
  public void invalidate(long id) {
    cache.invalidate(id);
  }

  /**
   * The source accounts, whose every write through the returned instance forgets the account it
   * wrote: the handlers use these so that their own changes apply to the next request at once.
   */
  public Accounts invalidating() {
    return new InvalidatingAccounts(source, this);
  }

  int size() {
    return cache.size();
  }
}
