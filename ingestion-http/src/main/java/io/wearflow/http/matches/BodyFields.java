package io.wearflow.http.matches;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.controlplane.DateTimes;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Reads the ids and date-times of activity and timeframe bodies, recording field errors. */
final class BodyFields {

  private static final BigDecimal MAX_ID = BigDecimal.valueOf(Long.MAX_VALUE);

  private BodyFields() {}

  /** A positive integer id; null (with an error when {@code required}) when not sent. */
  static Long id(JsonNode body, String name, boolean required, FieldErrors errors) {
    String pointer = "/" + name;
    BigDecimal value = JsonFields.integer(body, name, pointer, required, errors);
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0 || value.compareTo(MAX_ID) > 0) {
      errors.add(pointer, "must be a positive integer id");
      return null;
    }
    return value.longValueExact();
  }

  /** A date-time with offset; null (with an error when {@code required}) when not sent. */
  static Instant dateTime(JsonNode body, String name, boolean required, FieldErrors errors) {
    String pointer = "/" + name;
    String text = JsonFields.string(body, name, pointer, required, errors);
    if (text == null) {
      return null;
    }
    Instant instant = DateTimes.parse(text);
    if (instant == null) {
      errors.add(
          pointer,
          "must be an ISO-8601 date-time with offset in the years 0001 to 9999, e.g."
              + " 2020-02-20T13:18:29+01:00");
    }
    return instant;
  }

  /** A JSON object member; null (with an error when {@code required}) when not sent. */
  static JsonNode object(JsonNode body, String name, boolean required, FieldErrors errors) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add("/" + name, "is required");
      }
      return null;
    }
    if (!value.isObject()) {
      errors.add("/" + name, "must be a JSON object");
      return null;
    }
    return value;
  }

  /** The schema with that id if it is of {@code type}; an error at {@code /json_schema} if not. */
  static Optional<StoredJsonSchema> schemaOfType(
      JsonSchemas schemas, Long schemaId, String type, FieldErrors errors) {
    if (schemaId == null) {
      return Optional.empty();
    }
    Optional<StoredJsonSchema> schema =
        schemas.findById(schemaId).filter(s -> s.type().equals(type));
    if (schema.isEmpty()) {
      errors.add("/json_schema", "must be the id of a JSON schema of type " + type);
    }
    return schema;
  }
}
