package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.JsonSchemaStore;
import io.wearflow.connectors.postgres.JsonSchemaStore.Filter;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import java.util.List;
import java.util.Optional;

/**
 * The JSON schemas the edge reads; in production {@link #of(JsonSchemaStore)}. A port so that
 * handler tests run without a database.
 */
public interface JsonSchemas {

  Optional<StoredJsonSchema> findById(long id);

  Optional<StoredJsonSchema> findByName(String name);

  /** See {@link JsonSchemaStore#list}: ordered by {@code orderBy} then id. */
  List<StoredJsonSchema> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit);

  long count(Filter filter);

  static JsonSchemas of(JsonSchemaStore store) {
    return new JsonSchemas() {
      @Override
      public Optional<StoredJsonSchema> findById(long id) {
        return store.findById(id);
      }

      @Override
      public Optional<StoredJsonSchema> findByName(String name) {
        return store.findByName(name);
      }

      @Override
      public List<StoredJsonSchema> list(
          Filter filter, String orderBy, boolean descending, long offset, int limit) {
        return store.list(filter, orderBy, descending, offset, limit);
      }

      @Override
      public long count(Filter filter) {
        return store.count(filter);
      }
    };
  }

  /** No schema table: every call fails as an unavailable database (503). */
  static JsonSchemas unavailable() {
    return Unavailable.proxy(JsonSchemas.class, "json schemas");
  }
}
