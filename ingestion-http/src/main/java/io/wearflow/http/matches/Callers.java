package io.wearflow.http.matches;

import io.javalin.http.Context;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.problem.ApiException;

/** Who may call the manager-only routes: managers; anyone else is refused with 403. */
final class Callers {

  static final String FORBIDDEN = "You do not have permission to perform this action.";

  private Callers() {}

  static Principal requireManager(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    if (!Role.MANAGER.dbValue().equals(who.role())) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    return who;
  }

  /** 403 unless the manager owns the resource (whose existence the caller checked: 404 first). */
  static void requireOwner(Principal manager, long ownerId) {
    if (manager.accountId() != ownerId) {
      throw ApiException.forbidden(FORBIDDEN);
    }
  }
}
