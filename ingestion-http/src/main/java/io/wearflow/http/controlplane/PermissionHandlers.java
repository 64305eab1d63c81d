package io.wearflow.http.controlplane;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The permissions an athlete grants managers (token required; only the athlete himself, anyone else
 * 403; an unknown manager or permission 404).
 *
 * <pre>
 * GET    /v1/athletes/{athlete}/permissions/                                200 Page of PermissionView
 * GET    /v1/athletes/{athlete}/managers/{manager}/permissions/             200 Page of PermissionView
 * POST   /v1/athletes/{athlete}/managers/{manager}/permissions/             200 PermissionView
 * DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/             204 (all revoked)
 * DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/{permission}/ 204
 * </pre>
 *
 * Lists are in grant order (by id) with {@code page} and {@code limit} ({@link ListQuery}).
 */
final class PermissionHandlers {

  static final String ATHLETE_PATH = "/v1/athletes/{athlete}/permissions/";
  static final String MANAGER_PATH = "/v1/athletes/{athlete}/managers/{manager}/permissions/";
  static final String ITEM_PATH = MANAGER_PATH + "{permission}/";

  static final String FORBIDDEN = "You do not have permission to perform this action.";

  private final JsonRequestReader reader;
  private final Permissions permissions;
  private final Accounts accounts;
  private final PermissionPolicy policy;
  private final Clock clock;

  PermissionHandlers(
      JsonRequestReader reader,
      Permissions permissions,
      Accounts accounts,
      PermissionPolicy policy,
      Clock clock) {
    this.reader = reader;
    this.permissions = permissions;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  void listOfAthlete(Context ctx) {
    long athlete = requireSelf(ctx);
    list(ctx, athlete, null);
  }

  void listOfManager(Context ctx) {
    long athlete = requireSelf(ctx);
    list(ctx, athlete, requireManager(ctx));
  }

  void create(Context ctx) {
    long athlete = requireSelf(ctx);
    long manager = requireManager(ctx);
    Instant now = clock.instant();
    PermissionRequest request = PermissionRequest.parse(reader.read(ctx), now);
    Permission created =
        permissions.create(
            new NewPermission(
                athlete, manager, request.kind(), request.startTime(), request.expirationTime()));
    ctx.status(HttpStatus.OK).json(PermissionView.of(created, now));
  }

  void revokeAll(Context ctx) {
    long athlete = requireSelf(ctx);
    permissions.deleteAll(athlete, requireManager(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void revoke(Context ctx) {
    long athlete = requireSelf(ctx);
    long manager = requireManager(ctx);
    long permission = PathIds.id(ctx, "permission", "permission");
    if (!permissions.delete(athlete, manager, permission)) {
      throw ApiException.notFound(
          "No permission "
              + permission
              + " of athlete "
              + athlete
              + " to manager "
              + manager
              + ".");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void list(Context ctx, long athlete, Long manager) {
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(QueryParameters.of(ctx), Set.of(), errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    long count = permissions.count(athlete, manager);
    List<PermissionView> results =
        permissions.list(athlete, manager, query.offset(), query.limit()).stream()
            .map(p -> PermissionView.of(p, now))
            .toList();
    ctx.json(Page.of(query, count, results));
  }

  private long requireSelf(Context ctx) {
    long athlete = PathIds.id(ctx, "athlete", "athlete");
    if (!policy.mayManagePermissions(BearerAuthenticator.principal(ctx), athlete)) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    return athlete;
  }

  private long requireManager(Context ctx) {
    long manager = PathIds.id(ctx, "manager", "manager");
    return accounts
        .findById(manager)
        .filter(account -> account.role() == Role.MANAGER)
        .map(account -> account.id())
        .orElseThrow(() -> ApiException.notFound("No manager with id " + manager + "."));
  }
}
