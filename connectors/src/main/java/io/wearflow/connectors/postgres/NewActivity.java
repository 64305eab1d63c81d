package io.wearflow.connectors.postgres;

import java.util.Objects;

/**
 * The writable fields of an activity (a create, or the whole replacement of an update).
 *
 * @param json JSON object text
 */
public record NewActivity(String name, String json, long jsonSchema, long ownerId) {

  public NewActivity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
  }
}
