package io.wearflow.http.matches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.controlplane.SchemaDocumentValidator;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a timeframe create or update (a partial update is merged onto the stored timeframe
 * first, then validated as a whole): {@code start_time}, {@code end_time} (required date-times with
 * offset, {@code end_time >= start_time}; past times are allowed so that past matches can be
 * recomputed), {@code params} (object, default {@code {}}, valid against {@code json_schema}),
 * {@code device} (required, one of the caller's devices), {@code activity} (optional, one of the
 * caller's activities), {@code athlete} (required, an athlete account), {@code owner} (optional,
 * the caller's own id) and {@code json_schema} (required, a schema of type TIMEFRAME).
 */
final class TimeframeRequestValidator {

  private final Timeframes timeframes;
  private final Activities activities;
  private final Accounts accounts;
  private final JsonSchemas schemas;
  private final SchemaDocumentValidator documents;

  TimeframeRequestValidator(
      Timeframes timeframes,
      Activities activities,
      Accounts accounts,
      JsonSchemas schemas,
      SchemaDocumentValidator documents) {
    this.timeframes = timeframes;
    this.activities = activities;
    this.accounts = accounts;
    this.schemas = schemas;
    this.documents = documents;
  }

  /**
   * @throws ValidationException (422) listing every invalid field
   */
  NewTimeframe validate(JsonNode body, long caller) {
    if (!body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors(100);
    Instant start = BodyFields.dateTime(body, "start_time", true, errors);
    Instant end = BodyFields.dateTime(body, "end_time", true, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add("/end_time", "must not be before start_time");
    }
    JsonNode params = BodyFields.object(body, "params", false, errors);
    boolean paramsValid = params != null || !body.hasNonNull("params");
    if (params == null) {
      params = JsonNodeFactory.instance.objectNode();
    }
    Long device = BodyFields.id(body, "device", true, errors);
    if (device != null && timeframes.device(device).filter(d -> d.ownerId() == caller).isEmpty()) {
      errors.add("/device", "must be the id of one of your devices");
    }
    Long activity = BodyFields.id(body, "activity", false, errors);
    if (activity != null
        && activities.findById(activity).filter(a -> a.ownerId() == caller).isEmpty()) {
      errors.add("/activity", "must be the id of one of your activities");
    }
    Long athlete = BodyFields.id(body, "athlete", true, errors);
    if (athlete != null
        && accounts.findById(athlete).filter(a -> a.role() == Role.ATHLETE).isEmpty()) {
      errors.add("/athlete", "must be the id of an athlete");
    }
    Long owner = BodyFields.id(body, "owner", false, errors);
    if (owner != null && owner != caller) {
      errors.add("/owner", "must be your own id (" + caller + ")");
    }
    Long schemaId = BodyFields.id(body, "json_schema", true, errors);
    Optional<StoredJsonSchema> schema =
        BodyFields.schemaOfType(schemas, schemaId, "TIMEFRAME", errors);
    if (paramsValid && schema.isPresent()) {
      documents
          .errors(schema.get(), params, "/params")
          .forEach(e -> errors.add(e.pointer(), e.reason()));
    }
    errors.throwIfAny();
    return new NewTimeframe(
        start,
        end,
        params.toString(),
        Objects.requireNonNull(device),
        activity,
        Objects.requireNonNull(athlete),
        caller,
        Objects.requireNonNull(schemaId));
  }
}
