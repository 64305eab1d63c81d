package io.wearflow.connectors.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code timeframes} table. Writers only insert, update and delete rows: the table's triggers
 * raise the version, append the change to {@code timeframe_outbox} (which the relay publishes to
 * the {@code timeframes} topic) and enqueue webhook deliveries, in the writer's transaction.
 */
public final class TimeframeStore {

  /** The reference's ordering fields and the column each orders by; ties broken by id. */
  public static final Map<String, String> ORDERABLE =
      Map.of(
          "id", "id",
          "start_time", "start_time",
          "end_time", "end_time",
          "device", "device_id",
          "athlete", "athlete_id",
          "activity", "activity_id");

  private static final String COLUMNS =
      "id, start_time, end_time, params::text AS params, device_id, activity_id, athlete_id,"
          + " owner_id, json_schema, version, created_at, updated_at";

  /**
   * What a listing keeps; null members (but {@code viewer}) do not filter. Time bounds are
   * inclusive.
   *
   * @param viewer the manager listing: only the timeframes he owns are listed
   */
  public record Filter(
      long viewer,
      Long device,
      Long athlete,
      Long owner,
      Long activity,
      Instant startFrom,
      Instant startTo,
      Instant endFrom,
      Instant endTo) {

    /** Every timeframe of {@code viewer}. */
    public static Filter of(long viewer) {
      return new Filter(viewer, null, null, null, null, null, null, null, null);
    }
  }

  private final DataSource dataSource;

  public TimeframeStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public Timeframe create(NewTimeframe timeframe) {
    return Statements.query(
            dataSource,
            "INSERT INTO timeframes (start_time, end_time, params, device_id, activity_id,"
                + " athlete_id, owner_id, json_schema) VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                + " RETURNING "
                + COLUMNS,
            fields(timeframe),
            TimeframeStore::read,
            "create a timeframe of manager " + timeframe.ownerId())
        .get(0);
  }

  public Optional<Timeframe> findById(long id) {
    return Statements.query(
            dataSource,
            "SELECT " + COLUMNS + " FROM timeframes WHERE id = ?",
            List.of(id),
            TimeframeStore::read,
            "read timeframe " + id)
        .stream()
        .findFirst();
  }

  /** Replaces every writable field (the trigger raises the version); empty when there is none. */
  public Optional<Timeframe> update(long id, NewTimeframe timeframe) {
    List<Object> parameters = fields(timeframe);
    parameters.add(id);
    return Statements.query(
            dataSource,
            "UPDATE timeframes SET start_time = ?, end_time = ?, params = ?::jsonb, device_id = ?,"
                + " activity_id = ?, athlete_id = ?, owner_id = ?, json_schema = ?"
                + " WHERE id = ? RETURNING "
                + COLUMNS,
            parameters,
            TimeframeStore::read,
            "update timeframe " + id)
        .stream()
        .findFirst();
  }

  /** Deletes the timeframe (and, by trigger, its computed data); false when there is none. */
  public boolean delete(long id) {
    return Statements.update(
            dataSource,
            "DELETE FROM timeframes WHERE id = ?",
            List.of(id),
            "delete timeframe " + id)
        > 0;
  }

  /**
   * The timeframes {@code filter} keeps, ordered by {@code orderBy} (a key of {@link #ORDERABLE})
   * then id. A null activity sorts last ascending, first descending.
   */
  public List<Timeframe> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    String column = ORDERABLE.get(orderBy);
    if (column == null) {
      throw new IllegalArgumentException("cannot order timeframes by " + orderBy);
    }
    List<Object> parameters = new ArrayList<>();
    String direction = descending ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM timeframes"
            + where(filter, parameters)
            + " ORDER BY "
            + column
            + direction
            + ", id"
            + direction
            + " OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return Statements.query(dataSource, sql, parameters, TimeframeStore::read, "list timeframes");
  }

  /** How many timeframes {@code filter} keeps. */
  public long count(Filter filter) {
    List<Object> parameters = new ArrayList<>();
    return Statements.count(
        dataSource,
        "SELECT count(*) FROM timeframes" + where(filter, parameters),
        parameters,
        "count timeframes");
  }

  /** Every timeframe of the activity, whoever owns it, by id. */
  public List<Timeframe> ofActivity(long activityId) {
    return Statements.query(
        dataSource,
        "SELECT " + COLUMNS + " FROM timeframes WHERE activity_id = ? ORDER BY id",
        List.of(activityId),
        TimeframeStore::read,
        "read the timeframes of activity " + activityId);
  }

  /** The device a timeframe names, with its owner; empty when there is no such device. */
  public Optional<DeviceSummary> device(long deviceId) {
    return Statements.query(
            dataSource,
            "SELECT id, name, external_id, model, owner_id FROM devices WHERE id = ?",
            List.of(deviceId),
            row ->
                new DeviceSummary(
                    row.getLong("id"),
                    row.getString("name"),
                    row.getString("external_id"),
                    row.getString("model"),
                    row.getLong("owner_id")),
            "read device " + deviceId)
        .stream()
        .findFirst();
  }

  private static List<Object> fields(NewTimeframe t) {
    return new ArrayList<>(
        Arrays.asList(
            t.startTime(),
            t.endTime(),
            t.params(),
            t.deviceId(),
            t.activityId(),
            t.athleteId(),
            t.ownerId(),
            t.jsonSchema()));
  }

  private static String where(Filter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("owner_id = ?");
    parameters.add(filter.viewer());
    condition(conditions, parameters, "device_id = ?", filter.device());
    condition(conditions, parameters, "athlete_id = ?", filter.athlete());
    condition(conditions, parameters, "owner_id = ?", filter.owner());
    condition(conditions, parameters, "activity_id = ?", filter.activity());
    condition(conditions, parameters, "start_time >= ?", filter.startFrom());
    condition(conditions, parameters, "start_time <= ?", filter.startTo());
    condition(conditions, parameters, "end_time >= ?", filter.endFrom());
    condition(conditions, parameters, "end_time <= ?", filter.endTo());
    return " WHERE " + String.join(" AND ", conditions);
  }

  private static void condition(
      List<String> conditions, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.add(value);
    }
  }

  private static Timeframe read(ResultSet row) throws SQLException {
    return new Timeframe(
        row.getLong("id"),
        Statements.instant(row, "start_time"),
        Statements.instant(row, "end_time"),
        row.getString("params"),
        row.getLong("device_id"),
        row.getObject("activity_id", Long.class),
        row.getLong("athlete_id"),
        row.getLong("owner_id"),
        row.getLong("json_schema"),
        row.getLong("version"),
        Statements.instant(row, "created_at"),
        Statements.instant(row, "updated_at"));
  }
}
