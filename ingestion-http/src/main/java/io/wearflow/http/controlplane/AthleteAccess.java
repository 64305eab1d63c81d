package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.problem.ApiException;
import java.time.Instant;
import java.util.List;

/**
 * What read and write endpoints on an athlete's data call before touching it: {@link
 * PermissionPolicy} with the permissions the caller holds on the athlete, read from {@link
 * Permissions} only when the caller is a manager. Refusals are 403 with the reference's detail.
 */
public final class AthleteAccess {

  private final PermissionPolicy policy;
  private final Permissions permissions;

  public AthleteAccess(PermissionPolicy policy, Permissions permissions) {
    this.policy = policy;
    this.permissions = permissions;
  }

  /**
   * @throws ApiException 403 unless {@code who} may {@code kind} the athlete's data covering {@code
   *     [from, to]}
   */
  public void require(
      Principal who, PermissionKind kind, long athleteId, Instant from, Instant to) {
    List<Permission> granted =
        PermissionPolicy.MANAGER.equals(who.role())
            ? permissions.between(athleteId, who.accountId())
            : List.of();
    if (!policy.allows(who, kind, athleteId, from, to, granted)) {
      throw ApiException.forbidden(PermissionHandlers.FORBIDDEN);
    }
  }

  /** {@link #require} for the data as it is at {@code now} ("currently has READ permission"). */
  public void requireNow(Principal who, PermissionKind kind, long athleteId, Instant now) {
    require(who, kind, athleteId, now, now);
  }
}
