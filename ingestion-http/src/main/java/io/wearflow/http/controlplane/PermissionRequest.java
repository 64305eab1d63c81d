package io.wearflow.http.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The body of {@code POST /v1/athletes/{athlete}/managers/{manager}/permissions/}: {@code
 * permission} (required, {@code READ}|{@code WRITE}|{@code SHARE}), {@code start_time} (optional,
 * default now) and {@code expiration_time} (optional, after {@code start_time}; absent or null:
 * never expires), date-times with offset.
 */
record PermissionRequest(PermissionKind kind, Instant startTime, Instant expirationTime) {

  /**
   * @throws ValidationException (422) listing every invalid field
   */
  static PermissionRequest parse(JsonNode body, Instant now) {
    FieldErrors errors = new FieldErrors();
    if (!body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    String permission = JsonFields.string(body, "permission", "/permission", true, errors);
    PermissionKind kind = null;
    if (permission != null) {
      kind =
          Arrays.stream(PermissionKind.values())
              .filter(k -> k.name().equals(permission))
              .findFirst()
              .orElse(null);
      if (kind == null) {
        errors.add("/permission", "must be one of READ, WRITE, SHARE");
      }
    }
    Instant start = dateTime(body, "start_time", errors);
    Instant expiration = dateTime(body, "expiration_time", errors);
    boolean startSent = JsonFields.isSent(body, "start_time");
    Instant effectiveStart = startSent ? start : now;
    if (effectiveStart != null && expiration != null && !expiration.isAfter(effectiveStart)) {
      errors.add(
          "/expiration_time",
          "must be after start_time" + (startSent ? "" : " (now when start_time is not sent)"));
    }
    errors.throwIfAny();
    return new PermissionRequest(kind, effectiveStart, expiration);
  }

  private static Instant dateTime(JsonNode body, String name, FieldErrors errors) {
    String text = JsonFields.string(body, name, "/" + name, false, errors);
    if (text == null) {
      return null;
    }
    Instant instant = DateTimes.parse(text);
    if (instant == null) {
      errors.add(
          "/" + name,
          "must be an ISO-8601 date-time with offset in the years 0001 to 9999, e.g."
              + " 2020-02-20T13:18:29+01:00");
    }
    return instant;
  }
}
