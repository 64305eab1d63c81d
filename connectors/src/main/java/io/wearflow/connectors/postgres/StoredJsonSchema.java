package io.wearflow.connectors.postgres;

import java.util.Objects;

/**
 * A row of {@code json_schemas}: a JSON Schema (draft 2020-12) that validates an activity's {@code
 * json} ({@code type} ACTIVITY) or a timeframe's {@code params} (TIMEFRAME).
 *
 * @param id the schema id, referenced by activities' and timeframes' {@code json_schema}
 * @param name e.g. {@code timeframe_soccer}
 * @param type {@code ACTIVITY} or {@code TIMEFRAME}
 * @param sport e.g. {@code soccer}; null for the sport-independent schemas
 * @param parent id of the schema this one specialises, or null
 * @param schemaJson the schema document, JSON text
 */
public record StoredJsonSchema(
    long id, String name, String type, String sport, Long parent, String schemaJson) {

  public StoredJsonSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schemaJson, "schemaJson");
  }
}
