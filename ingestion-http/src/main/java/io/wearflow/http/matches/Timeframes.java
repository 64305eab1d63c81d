package io.wearflow.http.matches;

import io.wearflow.connectors.postgres.DeviceSummary;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.Timeframe;
import io.wearflow.connectors.postgres.TimeframeStore;
import io.wearflow.connectors.postgres.TimeframeStore.Filter;
import io.wearflow.http.controlplane.Unavailable;
import java.util.List;
import java.util.Optional;

/**
 * The timeframe operations the edge needs; in production {@link #of(TimeframeStore)}. A port so
 * that handler tests run without a database (the store is tested against PostgreSQL in connectors).
 */
public interface Timeframes {

  Timeframe create(NewTimeframe timeframe);

  Optional<Timeframe> findById(long id);

  /** Replaces every writable field; empty when there is no such timeframe. */
  Optional<Timeframe> update(long id, NewTimeframe timeframe);

  boolean delete(long id);

  /** See {@link TimeframeStore#list}: ordered by {@code orderBy} then id. */
  List<Timeframe> list(Filter filter, String orderBy, boolean descending, long offset, int limit);

  long count(Filter filter);

  /** Every timeframe of the activity, by id. */
  List<Timeframe> ofActivity(long activityId);

  /** The device with its owner; empty when there is none. */
  Optional<DeviceSummary> device(long deviceId);

  static Timeframes of(TimeframeStore store) {
    return new Timeframes() {
      @Override
      public Timeframe create(NewTimeframe timeframe) {
        return store.create(timeframe);
      }

      @Override
      public Optional<Timeframe> findById(long id) {
        return store.findById(id);
      }

      @Override
      public Optional<Timeframe> update(long id, NewTimeframe timeframe) {
        return store.update(id, timeframe);
      }

      @Override
      public boolean delete(long id) {
        return store.delete(id);
      }

      @Override
      public List<Timeframe> list(
          Filter filter, String orderBy, boolean descending, long offset, int limit) {
        return store.list(filter, orderBy, descending, offset, limit);
      }

      @Override
      public long count(Filter filter) {
        return store.count(filter);
      }

      @Override
      public List<Timeframe> ofActivity(long activityId) {
        return store.ofActivity(activityId);
      }

      @Override
      public Optional<DeviceSummary> device(long deviceId) {
        return store.device(deviceId);
      }
    };
  }

  /** No timeframes table: every call fails as an unavailable database (503). */
  static Timeframes unavailable() {
    return Unavailable.proxy(Timeframes.class, "timeframes");
  }
}
