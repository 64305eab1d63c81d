package io.wearflow.http.idempotency;

import io.wearflow.connectors.postgres.IdempotencyRecord;
import io.wearflow.connectors.postgres.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/** Where idempotency keys and the responses they replay are kept ({@link IdempotencyStore}). */
public interface IdempotencyKeys {

  /** The record of (account, key) made at or after {@code notBefore}, if any. */
  Optional<IdempotencyRecord> find(long accountId, String key, Instant notBefore);

  /** Claims (account, key); false when a request made at or after {@code notBefore} holds it. */
  boolean begin(long accountId, String key, byte[] fingerprint, Instant now, Instant notBefore);

  /** Stores the response of the request holding (account, key). */
  void complete(
      long accountId,
      String key,
      int status,
      String contentType,
      String location,
      byte[] body,
      Instant now);

  /** Frees (account, key) when its request did not complete. */
  void abandon(long accountId, String key);

  /** Deletes records made before {@code cutoff}. */
  void purgeOlderThan(Instant cutoff);

  static IdempotencyKeys of(IdempotencyStore store) {
    return new IdempotencyKeys() {
      @Override
      public Optional<IdempotencyRecord> find(long accountId, String key, Instant notBefore) {
        return store.find(accountId, key, notBefore);
      }

      @Override
      public boolean begin(
          long accountId, String key, byte[] fingerprint, Instant now, Instant notBefore) {
        return store.begin(accountId, key, fingerprint, now, notBefore);
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
        store.complete(accountId, key, status, contentType, location, body, now);
      }

      @Override
      public void abandon(long accountId, String key) {
        store.abandon(accountId, key);
      }

      @Override
      public void purgeOlderThan(Instant cutoff) {
        store.purgeOlderThan(cutoff);
      }
    };
  }
}
