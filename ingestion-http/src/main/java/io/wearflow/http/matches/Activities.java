package io.wearflow.http.matches;

import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.ActivityStore;
import io.wearflow.connectors.postgres.ActivityStore.Filter;
import io.wearflow.connectors.postgres.NewActivity;
import io.wearflow.http.controlplane.Unavailable;
import java.util.List;
import java.util.Optional;

/**
 * The activity operations the edge needs; in production {@link #of(ActivityStore)}. A port so that
 * handler tests run without a database (the store is tested against PostgreSQL in connectors).
 */
public interface Activities {

  Activity create(NewActivity activity);

  Optional<Activity> findById(long id);

  /** Replaces every writable field; empty when there is no such activity. */
  Optional<Activity> update(long id, NewActivity activity);

  boolean delete(long id);

  /** See {@link ActivityStore#list}: ordered by {@code orderBy} then id. */
  List<Activity> list(Filter filter, String orderBy, boolean descending, long offset, int limit);

  long count(Filter filter);

  static Activities of(ActivityStore store) {
    return new Activities() {
      @Override
      public Activity create(NewActivity activity) {
        return store.create(activity);
      }

      @Override
      public Optional<Activity> findById(long id) {
        return store.findById(id);
      }

      @Override
      public Optional<Activity> update(long id, NewActivity activity) {
        return store.update(id, activity);
      }

      @Override
      public boolean delete(long id) {
        return store.delete(id);
      }

      @Override
      public List<Activity> list(
          Filter filter, String orderBy, boolean descending, long offset, int limit) {
        return store.list(filter, orderBy, descending, offset, limit);
      }

      @Override
      public long count(Filter filter) {
        return store.count(filter);
      }
    };
  }

  /** No activities table: every call fails as an unavailable database (503). */
  static Activities unavailable() {
    return Unavailable.proxy(Activities.class, "activities");
  }
}
