package io.wearflow.http.actigraphy;

import io.wearflow.connectors.postgres.UserDayStore;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.LocalDate;
import java.util.List;

/**
 * The user-day reads the edge needs; in production {@link UserDayStore#findRange} ({@code
 * store::findRange}). A port so that handler tests run without a database.
 */
@FunctionalInterface
public interface UserDays {

  /** The user's days from {@code from} to {@code to}, both inclusive, ordered by date. */
  List<UserDay> findRange(long userId, LocalDate from, LocalDate to);
}
