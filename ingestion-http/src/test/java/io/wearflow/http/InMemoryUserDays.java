package io.wearflow.http;

import io.wearflow.http.actigraphy.UserDays;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * User days in memory, for the edge's functional tests; the PostgreSQL reads behind the same port
 * ({@code UserDayQueries}) are tested in the connectors module. {@link #failure} makes every read
 * throw, like a broken database.
 */
final class InMemoryUserDays implements UserDays {

  final List<UserDay> days = new CopyOnWriteArrayList<>();
  volatile RuntimeException failure;

  void add(UserDay day) {
    days.add(day);
  }

  @Override
  public List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit) {
    failIfAsked();
    return days.stream()
        .filter(d -> d.getUserId() == userId)
        .filter(d -> !d.getLocalDate().isBefore(from) && !d.getLocalDate().isAfter(to))
        .sorted(Comparator.comparing(UserDay::getLocalDate))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<UserDay> findDay(long userId, LocalDate date) {
    failIfAsked();
    return days.stream()
        .filter(d -> d.getUserId() == userId && d.getLocalDate().equals(date))
        .findFirst();
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure;
    }
  }
}
