package io.wearflow.http;

import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.ActivityStore.Filter;
import io.wearflow.connectors.postgres.NewActivity;
import io.wearflow.http.matches.Activities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Activities in memory, for the edge's functional tests; the PostgreSQL {@code ActivityStore}
 * behind the same port is tested in connectors. Deleting an activity deletes its timeframes when
 * {@link #cascadeTo} names them, as the foreign key does.
 */
final class InMemoryActivities implements Activities {

  private static final Instant CREATED = Instant.parse("2023-11-02T09:00:00Z");

  private final List<Activity> rows = new ArrayList<>();
  private InMemoryTimeframes timeframes;
  private long ids;

  void cascadeTo(InMemoryTimeframes timeframes) {
    this.timeframes = timeframes;
  }

  @Override
  public synchronized Activity create(NewActivity a) {
    Activity created =
        new Activity(++ids, a.name(), a.json(), a.jsonSchema(), a.ownerId(), CREATED, CREATED);
    rows.add(created);
    return created;
  }

  @Override
  public synchronized Optional<Activity> findById(long id) {
    return rows.stream().filter(a -> a.id() == id).findFirst();
  }

  @Override
  public synchronized Optional<Activity> update(long id, NewActivity a) {
    Optional<Activity> found = findById(id);
    found.ifPresent(
        old -> {
          rows.remove(old);
          rows.add(
              new Activity(id, a.name(), a.json(), a.jsonSchema(), a.ownerId(), CREATED, CREATED));
        });
    return findById(id);
  }

  @Override
  public synchronized boolean delete(long id) {
    boolean deleted = rows.removeIf(a -> a.id() == id);
    if (deleted && timeframes != null) {
      timeframes.ofActivity(id).forEach(t -> timeframes.delete(t.id()));
    }
    return deleted;
  }

  @Override
  public synchronized List<Activity> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    Comparator<Activity> order =
        orderBy.equals("name")
            ? Comparator.comparing((Activity a) -> a.name().toLowerCase(Locale.ROOT))
            : Comparator.comparingLong(Activity::id);
    order = order.thenComparingLong(Activity::id);
    return kept(filter).stream()
        .sorted(descending ? order.reversed() : order)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long count(Filter filter) {
    return kept(filter).size();
  }

  synchronized List<Activity> all() {
    return List.copyOf(rows);
  }

  private List<Activity> kept(Filter filter) {
    return rows.stream()
        .filter(a -> a.ownerId() == filter.viewer())
        .filter(a -> filter.owner() == null || a.ownerId() == filter.owner())
        .filter(a -> filter.name() == null || contains(a.name(), filter.name()))
        .filter(
            a ->
                filter.search() == null
                    || contains(a.name(), filter.search())
                    || contains(a.json(), filter.search()))
        .toList();
  }

  private static boolean contains(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }
}
