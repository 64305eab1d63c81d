package io.wearflow.connectors.postgres;

import java.time.Instant;

/**
 * A write request made with an {@code Idempotency-Key}, and its response once it completed.
 *
 * @param accountId who made it
 * @param key the client's key
 * @param fingerprint SHA-256 of the request (method, path, query, body)
 * @param status the response status, null while the request is being processed
 * @param contentType the response's content type, null when none
 * @param location the response's Location header, null when none
 * @param body the response body, null while processing
 * @param createdAt when the first request arrived
 */
public record IdempotencyRecord(
    long accountId,
    String key,
    byte[] fingerprint,
    Integer status,
    String contentType,
    String location,
    byte[] body,
    Instant createdAt) {

  /** Whether the first request has completed (its response can be replayed). */
  public boolean completed() {
    return status != null;
  }
}
