package io.wearflow.http.idempotency;

import io.wearflow.connectors.postgres.IdempotencyRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency keys kept in this process only: for an edge without a database (tests, a single edge
 * for a demo). Keys are lost on restart; production uses the PostgreSQL store, shared by all edges.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  private record Id(long accountId, String key) {}

  private final Map<Id, IdempotencyRecord> records = new ConcurrentHashMap<>();

  @Override
  public Optional<IdempotencyRecord> find(long accountId, String key, Instant notBefore) {
    IdempotencyRecord found = records.get(new Id(accountId, key));
    return found == null || found.createdAt().isBefore(notBefore)
        ? Optional.empty()
        : Optional.of(found);
  }

  @Override
  public boolean begin(
      long accountId, String key, byte[] fingerprint, Instant now, Instant notBefore) {
    IdempotencyRecord claim =
        new IdempotencyRecord(accountId, key, fingerprint.clone(), null, null, null, null, now);
    boolean[] claimed = {false};
    records.compute(
        new Id(accountId, key),
        (id, old) -> {
          if (old == null || old.createdAt().isBefore(notBefore)) {
            claimed[0] = true;
            return claim;
          }
          return old;
        });
    return claimed[0];
  }

  @Override
  public void complete(
      long accountId,
      String key,
      int status,
      String contentType,
      String location,
      byte[] body,
      Instant now) {
    records.computeIfPresent(
        new Id(accountId, key),
        (id, old) ->
            old.completed()
                ? old
                : new IdempotencyRecord(
                    accountId,
                    key,
                    old.fingerprint(),
                    status,
                    contentType,
                    location,
                    body.clone(),
                    old.createdAt()));
  }

  @Override
  public void abandon(long accountId, String key) {
    records.computeIfPresent(new Id(accountId, key), (id, old) -> old.completed() ? old : null);
  }

  @Override
  public void purgeOlderThan(Instant cutoff) {
    records.values().removeIf(r -> r.createdAt().isBefore(cutoff));
  }
}
