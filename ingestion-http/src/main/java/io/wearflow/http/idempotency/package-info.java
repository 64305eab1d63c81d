/**
 * The {@code Idempotency-Key} header of write requests: the same key and request replay the first
 * answer, the same key with another request is refused (422).
 */
package io.wearflow.http.idempotency;
