package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.ActivityStore;
import io.wearflow.connectors.postgres.ComputedDataStore;
import io.wearflow.connectors.postgres.JsonSchemaStore;
import io.wearflow.connectors.postgres.PermissionStore;
import io.wearflow.connectors.postgres.TimeframeStore;
import io.wearflow.http.matches.Activities;
import io.wearflow.http.matches.ComputedDataReads;
import io.wearflow.http.matches.Timeframes;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the control-plane routes need, one component per table family; later slices (activities,
 * timeframes, webhooks) add theirs here so that {@code HttpDependencies} keeps one member for all.
 *
 * @param permissions permissions athletes grant managers
 * @param jsonSchemas the JSON schemas per sport
 * @param activities the managers' activities (matches, training sessions)
 * @param timeframes the managers' timeframes
 * @param computedData the timeframe job's results
 */
public record ControlPlane(
    Permissions permissions,
    JsonSchemas jsonSchemas,
    Activities activities,
    Timeframes timeframes,
    ComputedDataReads computedData) {

  public ControlPlane {
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(jsonSchemas, "jsonSchemas");
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(timeframes, "timeframes");
    Objects.requireNonNull(computedData, "computedData");
  }

  /** Permissions and JSON schemas only: the live-match routes answer 503. */
  public ControlPlane(Permissions permissions, JsonSchemas jsonSchemas) {
    this(
        permissions,
        jsonSchemas,
        Activities.unavailable(),
        Timeframes.unavailable(),
        ComputedDataReads.unavailable());
  }

  /** The production wiring: every store on {@code dataSource} (the migrated wearflow database). */
  public static ControlPlane of(DataSource dataSource) {
    return new ControlPlane(
        Permissions.of(new PermissionStore(dataSource)),
        JsonSchemas.of(new JsonSchemaStore(dataSource)),
        Activities.of(new ActivityStore(dataSource)),
        Timeframes.of(new TimeframeStore(dataSource)),
        ComputedDataReads.of(new ComputedDataStore(dataSource)));
  }

  /** Without a database: every control-plane route answers 503. */
  public static ControlPlane unavailable() {
    return new ControlPlane(Permissions.unavailable(), JsonSchemas.unavailable());
  }
}
