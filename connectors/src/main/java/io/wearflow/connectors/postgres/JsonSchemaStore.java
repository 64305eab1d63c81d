package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code json_schemas} table (seeded by migration V4): find a schema by id or name, list them
 * filtered, ordered and paged by offset.
 */
public final class JsonSchemaStore {

  /** Columns a listing may be ordered by; ties are always broken by id. */
  public static final Set<String> ORDERABLE = Set.of("id", "name", "type", "parent");

  private static final String COLUMNS = "id, name, type, sport, parent, schema::text AS schema";

  /**
   * What a listing keeps; null members do not filter.
   *
   * @param search case-insensitive part of the name, type or sport
   * @param type exact type ({@code ACTIVITY}, {@code TIMEFRAME})
   * @param parent exact parent id
   */
  public record Filter(String search, String type, Long parent) {

    public static final Filter NONE = new Filter(null, null, null);
  }

  private final DataSource dataSource;

  public JsonSchemaStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public Optional<StoredJsonSchema> findById(long id) {
    return query("SELECT " + COLUMNS + " FROM json_schemas WHERE id = ?", List.of(id)).stream()
        .findFirst();
  }

  public Optional<StoredJsonSchema> findByName(String name) {
    return query("SELECT " + COLUMNS + " FROM json_schemas WHERE name = ?", List.of(name)).stream()
        .findFirst();
  }

  /**
   * The schemas {@code filter} keeps, ordered by {@code orderBy} (one of {@link #ORDERABLE}) then
   * id.
   *
   * @param offset schemas skipped
   * @param limit most schemas returned
   */
  public List<StoredJsonSchema> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    if (!ORDERABLE.contains(orderBy)) {
      throw new IllegalArgumentException("cannot order json schemas by " + orderBy);
    }
    List<Object> parameters = new ArrayList<>();
    String direction = descending ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM json_schemas"
            + where(filter, parameters)
            + " ORDER BY "
            + orderBy
            + direction
            + ", id"
            + direction
            + " OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return query(sql, parameters);
  }

  /** How many schemas {@code filter} keeps. */
  public long count(Filter filter) {
    List<Object> parameters = new ArrayList<>();
    String sql = "SELECT count(*) FROM json_schemas" + where(filter, parameters);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count json schemas", e);
    }
  }

  private static String where(Filter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    if (filter.search() != null) {
      conditions.add(
          "(strpos(lower(name), ?) > 0 OR strpos(lower(type), ?) > 0"
              + " OR strpos(lower(coalesce(sport, '')), ?) > 0)");
      String needle = filter.search().toLowerCase(Locale.ROOT);
      parameters.add(needle);
      parameters.add(needle);
      parameters.add(needle);
    }
    if (filter.type() != null) {
      conditions.add("type = ?");
      parameters.add(filter.type());
    }
    if (filter.parent() != null) {
      conditions.add("parent = ?");
      parameters.add(filter.parent());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private List<StoredJsonSchema> query(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<StoredJsonSchema> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new StoredJsonSchema(
                  rows.getLong("id"),
                  rows.getString("name"),
                  rows.getString("type"),
                  rows.getString("sport"),
                  rows.getObject("parent", Long.class),
                  rows.getString("schema")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read json schemas", e);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }
}
