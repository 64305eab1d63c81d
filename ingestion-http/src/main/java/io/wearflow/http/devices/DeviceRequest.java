package io.wearflow.http.devices;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;

/**
 * The body of a device create or replace: {@code name} required, not blank, at most {@value
 * #MAX_NAME} characters; {@code external_id} and {@code model} optional strings of at most {@value
 * #MAX_TEXT} characters (absent or null: none). A PUT replaces every field.
 */
final class DeviceRequest {

  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 200;

  private DeviceRequest() {}

  static DeviceDetails parse(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (!body.isObject()) {
      errors.add("", "must be a JSON object");
      errors.throwIfAny();
    }
    String name = JsonFields.string(body, "name", "/name", true, errors);
    if (name != null) {
      if (name.isBlank()) {
        errors.add("/name", "must not be blank");
      } else if (name.length() > MAX_NAME) {
        errors.add("/name", "must be at most " + MAX_NAME + " characters");
      }
    }
    String externalId = optional(body, "external_id", errors);
    String model = optional(body, "model", errors);
    errors.throwIfAny();
    return new DeviceDetails(name, externalId, model);
  }

  private static String optional(JsonNode body, String member, FieldErrors errors) {
    String pointer = "/" + member;
    String value = JsonFields.string(body, member, pointer, false, errors);
    if (value != null && value.length() > MAX_TEXT) {
      errors.add(pointer, "must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }
}
