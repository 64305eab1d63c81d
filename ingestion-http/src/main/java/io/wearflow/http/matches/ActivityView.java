package io.wearflow.http.matches;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.wearflow.connectors.postgres.Activity;

/** An activity as the reference shows it: {@code {id, name, json, json_schema, owner}}. */
record ActivityView(
    long id,
    String name,
    @JsonRawValue String json,
    @JsonProperty("json_schema") long jsonSchema,
    long owner) {

  static ActivityView of(Activity activity) {
    return new ActivityView(
        activity.id(), activity.name(), activity.json(), activity.jsonSchema(), activity.ownerId());
  }
}
