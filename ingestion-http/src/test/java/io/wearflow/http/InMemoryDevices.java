package io.wearflow.http;

import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.DeviceInUseException;
import io.wearflow.connectors.postgres.DeviceStore.Filter;
import io.wearflow.http.devices.Devices;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices in memory, for the edge's functional tests; the PostgreSQL {@code DeviceStore} behind the
 * same port is tested in connectors' {@code DeviceStoreITCase}. {@link #useInTimeframe} stands for
 * a timeframe referencing a device.
 */
final class InMemoryDevices implements Devices {

  static final Instant CREATED = Instant.parse("2023-11-01T00:00:00Z");

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Device> byId = new ConcurrentSkipListMap<>();
  private final Set<Long> inUse = new HashSet<>();

  @Override
  public synchronized Device create(long ownerId, DeviceDetails details) {
    Device device =
        new Device(
            ids.incrementAndGet(),
            ownerId,
            details.name(),
            details.externalId(),
            details.model(),
            CREATED,
            CREATED);
    byId.put(device.id(), device);
    return device;
  }

  @Override
  public Optional<Device> findOwned(long ownerId, long id) {
    return Optional.ofNullable(byId.get(id)).filter(d -> d.ownerId() == ownerId);
  }

  @Override
  public synchronized Optional<Device> replace(long ownerId, long id, DeviceDetails details) {
    return findOwned(ownerId, id)
        .map(
            old -> {
              Device replaced =
                  new Device(
                      id,
                      ownerId,
                      details.name(),
                      details.externalId(),
                      details.model(),
                      old.createdAt(),
                      CREATED.plusSeconds(60));
              byId.put(id, replaced);
              return replaced;
            });
  }

  @Override
  public synchronized boolean delete(long ownerId, long id) {
    if (findOwned(ownerId, id).isEmpty()) {
      return false;
    }
    if (inUse.contains(id)) {
      throw new DeviceInUseException(id, null);
    }
    byId.remove(id);
    return true;
  }

  @Override
  public List<Device> list(
      long ownerId, Filter filter, String orderBy, boolean descending, long offset, int limit) {
    Comparator<Device> order =
        "name".equals(orderBy)
            ? Comparator.comparing(Device::name).thenComparingLong(Device::id)
            : Comparator.comparingLong(Device::id);
    return matching(ownerId, filter)
        .sorted(descending ? order.reversed() : order)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(long ownerId, Filter filter) {
    return matching(ownerId, filter).count();
  }

  synchronized void useInTimeframe(long id) {
    inUse.add(id);
  }

  List<Device> all() {
    return List.copyOf(byId.values());
  }

  private java.util.stream.Stream<Device> matching(long ownerId, Filter filter) {
    return byId.values().stream()
        .filter(d -> d.ownerId() == ownerId)
        .filter(d -> filter.name() == null || contains(d.name(), filter.name()))
        .filter(
            d ->
                filter.search() == null
                    || contains(d.name(), filter.search())
                    || contains(d.externalId(), filter.search())
                    || contains(d.model(), filter.search()));
  }

  private static boolean contains(String value, String part) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }
}
