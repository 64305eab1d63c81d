package io.wearflow.connectors.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads {@code timeframe_computed_data}, which the timeframe job writes. Rows are read joined with
 * {@code timeframes}, so the results of a timeframe that was deleted meanwhile are never shown.
 */
public final class ComputedDataStore {

  private final DataSource dataSource;

  public ComputedDataStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The latest computed data of each of {@code timeframeIds} that still exists, in one query: a
   * timeframe that exists but has no results yet maps to empty, one that does not exist (any more)
   * has no entry.
   */
  public Map<Long, Optional<ComputedData>> latest(Collection<Long> timeframeIds) {
    Map<Long, Optional<ComputedData>> found = new HashMap<>();
    if (timeframeIds.isEmpty()) {
      return found;
    }
    String sql =
        "SELECT t.id, c.timeframe_version, c.data::text AS data, c.final, c.computed_at,"
            + " c.updated_at FROM timeframes t"
            + " LEFT JOIN timeframe_computed_data c ON c.timeframe_id = t.id"
            + " WHERE t.id = ANY (?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      Array ids = connection.createArrayOf("bigint", timeframeIds.toArray());
      statement.setArray(1, ids);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong("id");
          String data = rows.getString("data");
          found.put(
              id,
              data == null
                  ? Optional.empty()
                  : Optional.of(
                      new ComputedData(
                          id,
                          rows.getLong("timeframe_version"),
                          data,
                          rows.getBoolean("final"),
                          Statements.instant(rows, "computed_at"),
                          Statements.instant(rows, "updated_at"))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read the computed data of " + timeframeIds, e);
    }
  }
}
