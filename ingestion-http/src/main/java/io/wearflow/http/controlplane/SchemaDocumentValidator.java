package io.wearflow.http.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a document (an activity's {@code json}, a timeframe's {@code params}) against a stored
 * JSON Schema (draft 2020-12, networknt's validator, formats asserted) and reports every violation
 * as a {@link FieldError} whose JSON pointer is into the request body: with {@code "/params"} as
 * the document's pointer, a bad {@code max_hr} is {@code /params/max_hr}, a missing required member
 * points where it belongs ({@code /json/sport} "is required"), as does an unknown one ({@code
 * /json/colour} "is not allowed"). Compiled schemas are cached per schema id and text. Thread-safe.
 */
public final class SchemaDocumentValidator {

  private static final int MAX_LISTED = 100;

  private record Compiled(String text, JsonSchema schema) {}

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();
  private final ObjectMapper mapper;
  private final Map<Long, Compiled> cache = new ConcurrentHashMap<>();

  public SchemaDocumentValidator(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Every violation of {@code schema} by {@code document}, ordered by pointer.
   *
   * @param pointer where the document is in the request body ({@code /params}; {@code ""} for the
   *     whole body)
   */
  public List<FieldError> errors(StoredJsonSchema schema, JsonNode document, String pointer) {
    Set<ValidationMessage> messages = compiled(schema).validate(document);
    return messages.stream()
        .map(message -> fieldError(message, pointer))
        .distinct()
        .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::reason))
        .toList();
  }

  /**
   * @throws ValidationException (422) with the first {@value #MAX_LISTED} violations, if any
   */
  public void validate(StoredJsonSchema schema, JsonNode document, String pointer) {
    List<FieldError> errors = errors(schema, document, pointer);
    if (!errors.isEmpty()) {
      throw new ValidationException(
          errors.subList(0, Math.min(errors.size(), MAX_LISTED)), errors.size());
    }
  }

  private JsonSchema compiled(StoredJsonSchema schema) {
    Compiled cached = cache.get(schema.id());
    if (cached != null && cached.text().equals(schema.schemaJson())) {
      return cached.schema();
    }
    JsonNode node;
    try {
      node = mapper.readTree(schema.schemaJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON schema " + schema.name() + " is not JSON", e);
    }
    JsonSchema compiled = factory.getSchema(node, config);
    cache.put(schema.id(), new Compiled(schema.schemaJson(), compiled));
    return compiled;
  }

  private static FieldError fieldError(ValidationMessage message, String pointer) {
    String at = pointer + location(message);
    String property = message.getProperty();
    return switch (message.getType()) {
      case "required" -> new FieldError(JsonFields.pointer(at, property), "is required");
      case "additionalProperties", "unevaluatedProperties" ->
          new FieldError(JsonFields.pointer(at, property), "is not allowed");
      default -> new FieldError(at, reason(message));
    };
  }

  /** The instance location as a JSON pointer relative to the document ("" for its root). */
  private static String location(ValidationMessage message) {
    String location = message.getInstanceLocation().toString();
    return location.equals("/") ? "" : location;
  }

  /** The validator's message without its leading location ("/max_hr: "). */
  private static String reason(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getInstanceLocation().toString() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
