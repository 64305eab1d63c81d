package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.JsonSchemaStore;
import io.wearflow.connectors.postgres.PermissionStore;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the control-plane routes need, one component per table family; later slices (activities,
 * timeframes, webhooks) add theirs here so that {@code HttpDependencies} keeps one member for all.
 *
 * @param permissions permissions athletes grant managers
 * @param jsonSchemas the JSON schemas per sport
 */
public record ControlPlane(Permissions permissions, JsonSchemas jsonSchemas) {

  public ControlPlane {
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(jsonSchemas, "jsonSchemas");
  }

  /** The production wiring: every store on {@code dataSource} (the migrated wearflow database). */
  public static ControlPlane of(DataSource dataSource) {
    return new ControlPlane(
        Permissions.of(new PermissionStore(dataSource)),
        JsonSchemas.of(new JsonSchemaStore(dataSource)));
  }

  /** Without a database: every control-plane route answers 503. */
  public static ControlPlane unavailable() {
    return new ControlPlane(Permissions.unavailable(), JsonSchemas.unavailable());
  }
}
