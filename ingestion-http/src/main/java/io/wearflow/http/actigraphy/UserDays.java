package io.wearflow.http.actigraphy;

import io.wearflow.connectors.postgres.UserDayQueries;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The user-day reads the edge needs; in production {@link #of(UserDayQueries)}. A port so that
 * handler tests run without a database.
 */
public interface UserDays {

  /**
   * The user's days from {@code from} to {@code to}, both inclusive, ordered by date, at most
   * {@code limit} (the earliest), without per-minute curves.
   */
  List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit);

  /** The user's day with its per-minute curves (empty lists when none are stored). */
  Optional<UserDay> findDay(long userId, LocalDate date);

  static UserDays of(UserDayQueries queries) {
    return new UserDays() {
      @Override
      public List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit) {
        return queries.findDays(userId, from, to, limit);
      }

      @Override
      public Optional<UserDay> findDay(long userId, LocalDate date) {
        return queries.findDay(userId, date);
      }
    };
  }
}
