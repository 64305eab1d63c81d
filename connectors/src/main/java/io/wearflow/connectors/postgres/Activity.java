package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code activities}: a match or training session of a manager.
 *
 * @param json the sport-specific parameters, JSON object text (validated against {@code jsonSchema}
 *     by the edge)
 * @param jsonSchema id of the ACTIVITY JSON schema
 * @param ownerId the manager who created it
 */
public record Activity(
    long id,
    String name,
    String json,
    long jsonSchema,
    long ownerId,
    Instant createdAt,
    Instant updatedAt) {

  public Activity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
  }

  /** The writable fields of this activity, e.g. to replace some of them. */
  public NewActivity toNew() {
    return new NewActivity(name, json, jsonSchema, ownerId);
  }
}
