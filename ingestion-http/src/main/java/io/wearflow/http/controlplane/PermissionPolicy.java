package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.auth.Principal;
import java.time.Instant;
import java.util.Collection;

/**
 * Who may do what with an athlete's data, as {@code live-timeframes-api.txt} says:
 *
 * <ul>
 *   <li>an athlete may do anything with their own data and nothing with another athlete's;
 *   <li>a manager may {@code READ}, {@code WRITE} or {@code SHARE} an athlete's data covering
 *       {@code [from, to]} only with a permission of that kind from that athlete whose window
 *       {@code [start_time, expiration_time)} contains every instant of {@code [from, to]}: {@code
 *       start_time <= from} and {@code to < expiration_time} (no expiration: open ended). A
 *       "currently" check ({@code GET /v1/athletes/{athlete}/}) is the point range {@code [now,
 *       now]}. Kinds do not imply each other: WRITE does not grant READ;
 *   <li>the admin account is not named by the reference and gets no access to athletes' data;
 *   <li>permissions are granted, listed and revoked by the athlete only; JSON schemas are read by
 *       managers only.
 * </ul>
 *
 * Plain Java: callers pass the permissions the manager holds on the athlete ({@code
 * PermissionStore.between}).
 */
public final class PermissionPolicy {

  static final String ATHLETE = "athlete";
  static final String MANAGER = "manager";

  /**
   * Whether {@code who} may {@code kind} the data of {@code athleteId} that covers {@code [from,
   * to]}.
   *
   * @param granted the permissions {@code athleteId} granted {@code who} (others are ignored)
   */
  public boolean allows(
      Principal who,
      PermissionKind kind,
      long athleteId,
      Instant from,
      Instant to,
      Collection<Permission> granted) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range ends " + to + " before it starts " + from);
    }
    if (ATHLETE.equals(who.role())) {
      return who.accountId() == athleteId;
    }
    if (!MANAGER.equals(who.role())) {
      return false;
    }
    return granted.stream()
        .anyMatch(
            p ->
                p.managerId() == who.accountId()
                    && p.athleteId() == athleteId
                    && p.kind() == kind
                    && covers(p, from, to));
  }

  /** Whether {@code who} may grant, list and revoke permissions on {@code athleteId}'s data. */
  public boolean mayManagePermissions(Principal who, long athleteId) {
    return ATHLETE.equals(who.role()) && who.accountId() == athleteId;
  }

  /** Whether {@code who} may list and read the JSON schemas. */
  public boolean mayReadJsonSchemas(Principal who) {
    return MANAGER.equals(who.role());
  }

  private static boolean covers(Permission permission, Instant from, Instant to) {
    return !from.isBefore(permission.startTime())
        && (permission.expirationTime() == null || to.isBefore(permission.expirationTime()));
  }
}
