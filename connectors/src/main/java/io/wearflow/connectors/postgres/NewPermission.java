package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A permission to grant: the manager may {@code kind} the athlete's data within {@code [startTime,
 * expirationTime)}.
 *
 * @param athleteId the athlete who grants it
 * @param managerId the manager who receives it
 * @param kind what the manager may do
 * @param startTime first instant of the window
 * @param expirationTime first instant after the window; null when it never expires
 */
public record NewPermission(
    long athleteId,
    long managerId,
    PermissionKind kind,
    Instant startTime,
    Instant expirationTime) {

  public NewPermission {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(startTime, "startTime");
    if (expirationTime != null && !expirationTime.isAfter(startTime)) {
      throw new IllegalArgumentException(
          "expirationTime " + expirationTime + " must be after startTime " + startTime);
    }
  }
}
