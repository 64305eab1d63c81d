package io.wearflow.http.matches;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.NewActivity;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.controlplane.SchemaDocumentValidator;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.util.Optional;

/**
 * The body of an activity create or update: {@code name} (required, not blank), {@code json}
 * (required object, valid against {@code json_schema}), {@code json_schema} (required, a schema of
 * type ACTIVITY) and {@code owner} (required, the caller's own id).
 */
final class ActivityRequestValidator {

  static final int MAX_NAME_LENGTH = 255;

  private final JsonSchemas schemas;
  private final SchemaDocumentValidator documents;

  ActivityRequestValidator(JsonSchemas schemas, SchemaDocumentValidator documents) {
    this.schemas = schemas;
    this.documents = documents;
  }

  /**
   * @throws ValidationException (422) listing every invalid field
   */
  NewActivity validate(JsonNode body, long caller) {
    if (!body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors(100);
    String name = JsonFields.string(body, "name", "/name", true, errors);
    if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
      errors.add("/name", "must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
    }
    JsonNode json = BodyFields.object(body, "json", true, errors);
    Long schemaId = BodyFields.id(body, "json_schema", true, errors);
    Optional<StoredJsonSchema> schema =
        BodyFields.schemaOfType(schemas, schemaId, "ACTIVITY", errors);
    Long owner = BodyFields.id(body, "owner", true, errors);
    if (owner != null && owner != caller) {
      errors.add("/owner", "must be your own id (" + caller + ")");
    }
    if (json != null && schema.isPresent()) {
      documents
          .errors(schema.get(), json, "/json")
          .forEach(e -> errors.add(e.pointer(), e.reason()));
    }
    errors.throwIfAny();
    return new NewActivity(name, json.toString(), schemaId, caller);
  }
}
