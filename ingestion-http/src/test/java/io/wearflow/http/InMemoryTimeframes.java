package io.wearflow.http;

import io.wearflow.connectors.postgres.DeviceSummary;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.Timeframe;
import io.wearflow.connectors.postgres.TimeframeStore.Filter;
import io.wearflow.http.matches.Timeframes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Timeframes (and the devices they name) in memory, for the edge's functional tests; the PostgreSQL
 * {@code TimeframeStore} behind the same port is tested in connectors. Versions rise on every
 * update as the table's trigger raises them.
 */
final class InMemoryTimeframes implements Timeframes {

  private static final Instant CREATED = Instant.parse("2023-11-02T09:00:00Z");

  private final List<Timeframe> rows = new ArrayList<>();
  private final Map<Long, DeviceSummary> devices = new HashMap<>();
  private long ids;

  synchronized DeviceSummary addDevice(long id, String name, long ownerId) {
    DeviceSummary device = new DeviceSummary(id, name, "ext-" + id, "vest", ownerId);
    devices.put(id, device);
    return device;
  }

  @Override
  public synchronized Timeframe create(NewTimeframe t) {
    Timeframe created = timeframe(++ids, t, 1);
    rows.add(created);
    return created;
  }

  @Override
  public synchronized Optional<Timeframe> findById(long id) {
    return rows.stream().filter(t -> t.id() == id).findFirst();
  }

  @Override
  public synchronized Optional<Timeframe> update(long id, NewTimeframe t) {
    Optional<Timeframe> found = findById(id);
    found.ifPresent(
        old -> {
          rows.remove(old);
          rows.add(timeframe(id, t, old.version() + 1));
        });
    return findById(id);
  }

  @Override
  public synchronized boolean delete(long id) {
    return rows.removeIf(t -> t.id() == id);
  }

  @Override
  public synchronized List<Timeframe> list(
      Filter filter, String orderBy, boolean descending, long offset, int limit) {
    Comparator<Timeframe> order =
        switch (orderBy) {
          case "start_time" -> Comparator.comparing(Timeframe::startTime);
          case "end_time" -> Comparator.comparing(Timeframe::endTime);
          case "device" -> Comparator.comparingLong(Timeframe::deviceId);
          case "athlete" -> Comparator.comparingLong(Timeframe::athleteId);
          case "activity" ->
              Comparator.comparing(
                  Timeframe::activityId, Comparator.nullsLast(Comparator.naturalOrder()));
          default -> Comparator.comparingLong(Timeframe::id);
        };
    order = order.thenComparingLong(Timeframe::id);
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

  @Override
  public synchronized List<Timeframe> ofActivity(long activityId) {
    return rows.stream()
        .filter(t -> t.activityId() != null && t.activityId() == activityId)
        .sorted(Comparator.comparingLong(Timeframe::id))
        .toList();
  }

  @Override
  public synchronized Optional<DeviceSummary> device(long deviceId) {
    return Optional.ofNullable(devices.get(deviceId));
  }

  synchronized List<Timeframe> all() {
    return rows.stream().sorted(Comparator.comparingLong(Timeframe::id)).toList();
  }

  private List<Timeframe> kept(Filter f) {
    return rows.stream()
        .filter(t -> t.ownerId() == f.viewer())
        .filter(t -> equal(f.device(), t.deviceId()))
        .filter(t -> equal(f.athlete(), t.athleteId()))
        .filter(t -> equal(f.owner(), t.ownerId()))
        .filter(t -> f.activity() == null || f.activity().equals(t.activityId()))
        .filter(t -> within(t, Timeframe::startTime, f.startFrom(), f.startTo()))
        .filter(t -> within(t, Timeframe::endTime, f.endFrom(), f.endTo()))
        .toList();
  }

  private static boolean equal(Long wanted, long actual) {
    return wanted == null || wanted == actual;
  }

  private static boolean within(
      Timeframe t, Function<Timeframe, Instant> field, Instant from, Instant to) {
    Instant value = field.apply(t);
    return (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
  }

  private static Timeframe timeframe(long id, NewTimeframe t, long version) {
    return new Timeframe(
        id,
        t.startTime(),
        t.endTime(),
        t.params(),
        t.deviceId(),
        t.activityId(),
        t.athleteId(),
        t.ownerId(),
        t.jsonSchema(),
        version,
        CREATED,
        CREATED);
  }
}
