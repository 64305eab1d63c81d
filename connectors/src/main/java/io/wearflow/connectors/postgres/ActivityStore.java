package io.wearflow.connectors.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code activities} table (matches and training sessions of managers). An update fires the
 * table's trigger, which raises the version of every timeframe of the activity (so the timeframe
 * job recomputes them) and enqueues {@code activity.updated} webhook deliveries; a delete cascades
 * to its timeframes and webhooks.
 */
public final class ActivityStore {

  /**
   * The fields a listing may be ordered by and what each orders by (names ignoring case); ties are
   * always broken by id.
   */
  public static final Map<String, String> ORDERABLE = Map.of("id", "id", "name", "lower(name)");

  private static final String COLUMNS =
      "id, name, json::text AS json, json_schema, owner_id, created_at, updated_at";

  /**
   * What a listing keeps; null members (but {@code viewer}) do not filter.
   *
   * @param viewer the manager listing: only his activities are listed
   * @param search case-insensitive part of the name or of the JSON text
   * @param name case-insensitive part of the name
   * @param owner exact owner id
   */
  public record Filter(long viewer, String search, String name, Long owner) {}

  private final DataSource dataSource;

  public ActivityStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public Activity create(NewActivity activity) {
    return Statements.query(
            dataSource,
            "INSERT INTO activities (name, json, json_schema, owner_id) VALUES (?, ?::jsonb, ?, ?)"
                + " RETURNING "
                + COLUMNS,
            List.of(activity.name(), activity.json(), activity.jsonSchema(), activity.ownerId()),
            ActivityStore::read,
            "create an activity of manager " + activity.ownerId())
        .get(0);
  }

  public Optional<Activity> findById(long id) {
    return Statements.query(
            dataSource,
            "SELECT " + COLUMNS + " FROM activities WHERE id = ?",
            List.of(id),
            ActivityStore::read,
            "read activity " + id)
        .stream()
        .findFirst();
  }

  /** Replaces every writable field; empty when there is no such activity. */
  public Optional<Activity> update(long id, NewActivity activity) {
    return Statements.query(
            dataSource,
            "UPDATE activities SET name = ?, json = ?::jsonb, json_schema = ?, owner_id = ?"
                + " WHERE id = ? RETURNING "
                + COLUMNS,
            List.of(
                activity.name(), activity.json(), activity.jsonSchema(), activity.ownerId(), id),
            ActivityStore::read,
            "update activity " + id)
        .stream()
        .findFirst();
  }

  /** Deletes the activity with its timeframes and webhooks; false when there is none. */
  public boolean delete(long id) {
    return Statements.update(
            dataSource, "DELETE FROM activities WHERE id = ?", List.of(id), "delete activity " + id)
        > 0;
  }

  /**
   * The activities {@code filter} keeps, ordered by {@code orderBy} (a key of {@link #ORDERABLE})
   * then id.
   */
  public List<Activity> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    String expression = ORDERABLE.get(orderBy);
    if (expression == null) {
      throw new IllegalArgumentException("cannot order activities by " + orderBy);
    }
    List<Object> parameters = new ArrayList<>();
    String direction = descending ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM activities"
            + where(filter, parameters)
            + " ORDER BY "
            + expression
            + direction
            + ", id"
            + direction
            + " OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return Statements.query(dataSource, sql, parameters, ActivityStore::read, "list activities");
  }

  /** How many activities {@code filter} keeps. */
  public long count(Filter filter) {
    List<Object> parameters = new ArrayList<>();
    return Statements.count(
        dataSource,
        "SELECT count(*) FROM activities" + where(filter, parameters),
        parameters,
        "count activities");
  }

  private static String where(Filter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("owner_id = ?");
    parameters.add(filter.viewer());
    if (filter.search() != null) {
      String needle = filter.search().toLowerCase(Locale.ROOT);
      conditions.add("(strpos(lower(name), ?) > 0 OR strpos(lower(json::text), ?) > 0)");
      parameters.add(needle);
      parameters.add(needle);
    }
    if (filter.name() != null) {
      conditions.add("strpos(lower(name), ?) > 0");
      parameters.add(filter.name().toLowerCase(Locale.ROOT));
    }
    if (filter.owner() != null) {
      conditions.add("owner_id = ?");
      parameters.add(filter.owner());
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private static Activity read(ResultSet row) throws SQLException {
    return new Activity(
        row.getLong("id"),
        row.getString("name"),
        row.getString("json"),
        row.getLong("json_schema"),
        row.getLong("owner_id"),
        Statements.instant(row, "created_at"),
        Statements.instant(row, "updated_at"));
  }
}
