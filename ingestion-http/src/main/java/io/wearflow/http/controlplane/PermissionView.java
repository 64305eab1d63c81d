package io.wearflow.http.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wearflow.connectors.postgres.Permission;
import java.time.Instant;

/**
 * A permission as the reference shows it; {@code is_active} says whether its window contains the
 * time of the request.
 */
record PermissionView(
    long id,
    long manager,
    long athlete,
    @JsonProperty("start_time") Instant startTime,
    @JsonProperty("expiration_time") Instant expirationTime,
    String permission,
    @JsonProperty("is_active") boolean isActive) {

  static PermissionView of(Permission permission, Instant now) {
    return new PermissionView(
        permission.id(),
        permission.managerId(),
        permission.athleteId(),
        permission.startTime(),
        permission.expirationTime(),
        permission.kind().name(),
        permission.isActiveAt(now));
  }
}
