package io.wearflow.http;

import io.wearflow.connectors.postgres.JsonSchemaStore.Filter;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.controlplane.SeedSchemas;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed JSON schemas in memory, for the edge's functional tests; the PostgreSQL {@code
 * JsonSchemaStore} behind the same port is tested in connectors.
 */
final class InMemoryJsonSchemas implements JsonSchemas {

  private final List<StoredJsonSchema> schemas = SeedSchemas.all();

  @Override
  public Optional<StoredJsonSchema> findById(long id) {
    return schemas.stream().filter(s -> s.id() == id).findFirst();
  }

  @Override
  public Optional<StoredJsonSchema> findByName(String name) {
    return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  @Override
  public List<StoredJsonSchema> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    Comparator<StoredJsonSchema> order =
        switch (orderBy) {
          case "name" -> Comparator.comparing(StoredJsonSchema::name);
          case "type" -> Comparator.comparing(StoredJsonSchema::type);
          case "parent" ->
              Comparator.comparing(
                  StoredJsonSchema::parent, Comparator.nullsLast(Comparator.naturalOrder()));
          default -> Comparator.comparingLong(StoredJsonSchema::id);
        };
    order = order.thenComparingLong(StoredJsonSchema::id);
    return schemas.stream()
        .filter(s -> keeps(filter, s))
        .sorted(descending ? order.reversed() : order)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(Filter filter) {
    return schemas.stream().filter(s -> keeps(filter, s)).count();
  }

  private static boolean keeps(Filter filter, StoredJsonSchema schema) {
    if (filter.search() != null) {
      String needle = filter.search().toLowerCase(Locale.ROOT);
      String sport = schema.sport() == null ? "" : schema.sport();
      if (!(schema.name().contains(needle)
          || schema.type().toLowerCase(Locale.ROOT).contains(needle)
          || sport.contains(needle))) {
        return false;
      }
    }
    return (filter.type() == null || filter.type().equals(schema.type()))
        && (filter.parent() == null || filter.parent().equals(schema.parent()));
  }
}
