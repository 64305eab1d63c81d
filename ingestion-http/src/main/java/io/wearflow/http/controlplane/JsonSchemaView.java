package io.wearflow.http.controlplane;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.wearflow.connectors.postgres.StoredJsonSchema;

/** A JSON schema as the reference shows it: {@code schema} is the document itself. */
record JsonSchemaView(long id, String name, String type, Long parent, @JsonRawValue String schema) {

  static JsonSchemaView of(StoredJsonSchema schema) {
    return new JsonSchemaView(
        schema.id(), schema.name(), schema.type(), schema.parent(), schema.schemaJson());
  }
}
