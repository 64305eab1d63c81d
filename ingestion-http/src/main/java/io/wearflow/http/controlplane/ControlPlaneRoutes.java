package io.wearflow.http.controlplane;

import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.matches.MatchRoutes;
import java.time.Clock;

/**
 * Registers every control-plane route (see {@link PermissionHandlers}, {@link JsonSchemaHandlers},
 * {@link MatchRoutes}).
 */
public final class ControlPlaneRoutes {

  private ControlPlaneRoutes() {}

  public static void register(
      JavalinDefaultRouting router,
      JsonRequestReader reader,
      ControlPlane controlPlane,
      Accounts accounts,
      Clock clock) {
    PermissionPolicy policy = new PermissionPolicy();
    PermissionHandlers permissions =
        new PermissionHandlers(reader, controlPlane.permissions(), accounts, policy, clock);
    router.get(PermissionHandlers.ATHLETE_PATH, permissions::listOfAthlete, Access.AUTHENTICATED);
    router.get(PermissionHandlers.MANAGER_PATH, permissions::listOfManager, Access.AUTHENTICATED);
    router.post(PermissionHandlers.MANAGER_PATH, permissions::create, Access.AUTHENTICATED);
    router.delete(PermissionHandlers.MANAGER_PATH, permissions::revokeAll, Access.AUTHENTICATED);
    router.delete(PermissionHandlers.ITEM_PATH, permissions::revoke, Access.AUTHENTICATED);

    JsonSchemaHandlers schemas = new JsonSchemaHandlers(controlPlane.jsonSchemas(), policy);
    router.get(JsonSchemaHandlers.LIST_PATH, schemas::list, Access.AUTHENTICATED);
    router.get(JsonSchemaHandlers.ITEM_PATH, schemas::get, Access.AUTHENTICATED);

    MatchRoutes.register(
        router,
        reader,
        new MatchRoutes.Stores(
            controlPlane.activities(),
            controlPlane.timeframes(),
            controlPlane.computedData(),
            controlPlane.jsonSchemas(),
            controlPlane.permissions()),
        accounts,
        policy);
  }
}
