package io.wearflow.http.actigraphy;

import io.wearflow.connectors.postgres.UserDayQueries;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The user-day reads the edge needs; in production {@link #of(DataSource)}. A port so that handler
 * tests run without a database.
 */
public interface UserDays {

  /**
   * The user's days from {@code from} to {@code to}, both inclusive, ordered by date, at most
   * {@code limit} (the earliest), without per-minute curves.
   */
  List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit);

  /** The user's day with its per-minute curves (empty lists when none are stored). */
  Optional<UserDay> findDay(long userId, LocalDate date);

  /**
   * The same days as {@link #findDays}, as the list renders them ({@link ActigraphyDay#summary}).
   * The database implementation builds them straight from the rows.
   */
  default List<ActigraphyDay> listDays(long userId, LocalDate from, LocalDate to, int limit) {
    return findDays(userId, from, to, limit).stream().map(ActigraphyDay::summary).toList();
  }

  /** The reads of the wearflow database: one day through {@link UserDayQueries}, lists direct. */
  static UserDays of(DataSource dataSource) {
    UserDayQueries queries = new UserDayQueries(dataSource);
    UserDayRows rows = new UserDayRows(dataSource);
    return new UserDays() {
      @Override
      public List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit) {
        return queries.findDays(userId, from, to, limit);
      }

      @Override
      public Optional<UserDay> findDay(long userId, LocalDate date) {
        return queries.findDay(userId, date);
      }

      @Override
      public List<ActigraphyDay> listDays(long userId, LocalDate from, LocalDate to, int limit) {
        return rows.listDays(userId, from, to, limit);
      }
    };
  }
}
