package io.wearflow.http.controlplane;

import io.javalin.http.Context;
import io.wearflow.connectors.postgres.JsonSchemaStore.Filter;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON schemas per sport (token of a manager required, anyone else 403).
 *
 * <pre>
 * GET /v1/json-schemas/               200 Page of JsonSchemaView
 *     page, limit, ordering (name|type|parent, '-' for descending), search (part of the name,
 *     type or sport, any case), type (ACTIVITY|TIMEFRAME, any case), parent (schema id)
 * GET /v1/json-schemas/{json_schema}/ 200 JsonSchemaView; by id, or by name (timeframe_soccer)
 * </pre>
 */
final class JsonSchemaHandlers {

  static final String LIST_PATH = "/v1/json-schemas/";
  static final String ITEM_PATH = "/v1/json-schemas/{json_schema}/";

  private static final Set<String> ORDERABLE = Set.of("name", "type", "parent");
  private static final Set<String> TYPES = Set.of("ACTIVITY", "TIMEFRAME");

  private final JsonSchemas schemas;
  private final PermissionPolicy policy;

  JsonSchemaHandlers(JsonSchemas schemas, PermissionPolicy policy) {
    this.schemas = schemas;
    this.policy = policy;
  }

  void list(Context ctx) {
    requireManager(ctx);
    Map<String, String> parameters = QueryParameters.of(ctx);
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(parameters, ORDERABLE, errors);
    String search = parameters.get("search");
    String type = parameters.get("type");
    if (type != null) {
      type = type.toUpperCase(Locale.ROOT);
      if (!TYPES.contains(type)) {
        errors.add("/type", "must be ACTIVITY or TIMEFRAME");
      }
    }
    String parentText = parameters.get("parent");
    Long parent = null;
    if (parentText != null) {
      if (parentText.matches("[0-9]{1,18}")) {
        parent = Long.parseLong(parentText);
      } else {
        errors.add("/parent", "must be a schema id (a positive integer)");
      }
    }
    errors.throwIfAny();
    Filter filter = new Filter(search == null || search.isBlank() ? null : search, type, parent);
    long count = schemas.count(filter);
    List<JsonSchemaView> results =
        schemas
            .list(filter, query.orderBy(), query.descending(), query.offset(), query.limit())
            .stream()
            .map(JsonSchemaView::of)
            .toList();
    ctx.json(Page.of(query, count, results));
  }

  void get(Context ctx) {
    requireManager(ctx);
    String key = ctx.pathParam("json_schema");
    Optional<StoredJsonSchema> found =
        key.matches("[0-9]{1,18}")
            ? schemas.findById(Long.parseLong(key))
            : schemas.findByName(key);
    ctx.json(
        JsonSchemaView.of(
            found.orElseThrow(() -> ApiException.notFound("No JSON schema '" + key + "'."))));
  }

  private void requireManager(Context ctx) {
    if (!policy.mayReadJsonSchemas(BearerAuthenticator.principal(ctx))) {
      throw ApiException.forbidden(PermissionHandlers.FORBIDDEN);
    }
  }
}
