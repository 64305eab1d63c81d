package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC plumbing of the live-match stores: one statement per call on a pooled connection,
 * parameters bound in order (instants as UTC {@code timestamptz}), failures as {@link
 * StoreException} naming what was attempted.
 */
final class Statements {

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private Statements() {}

  static <T> List<T> query(
      DataSource dataSource, String sql, List<?> parameters, RowReader<T> reader, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(reader.read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  static long count(DataSource dataSource, String sql, List<?> parameters, String what) {
    return query(dataSource, sql, parameters, row -> row.getLong(1), what).get(0);
  }

  static int update(DataSource dataSource, String sql, List<?> parameters, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value instanceof Instant instant) {
        value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
      }
      statement.setObject(i + 1, value);
    }
  }
}
