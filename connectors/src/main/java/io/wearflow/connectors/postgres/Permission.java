package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored permission (a row of {@code permissions}): the manager may {@code kind} the athlete's
 * data within {@code [startTime, expirationTime)}.
 *
 * @param id the permission id
 * @param athleteId the athlete who granted it
 * @param managerId the manager who holds it
 * @param kind what the manager may do
 * @param startTime first instant of the window
 * @param expirationTime first instant after the window; null when it never expires
 * @param createdAt when it was granted
 */
public record Permission(
    long id,
    long athleteId,
    long managerId,
    PermissionKind kind,
    Instant startTime,
    Instant expirationTime,
    Instant createdAt) {

  public Permission {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the window contains {@code instant}. */
  public boolean isActiveAt(Instant instant) {
    return !instant.isBefore(startTime)
        && (expirationTime == null || instant.isBefore(expirationTime));
  }
}
