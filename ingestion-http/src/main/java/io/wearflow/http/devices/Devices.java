package io.wearflow.http.devices;

import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.DeviceInUseException;
import io.wearflow.connectors.postgres.DeviceStore;
import io.wearflow.connectors.postgres.DeviceStore.Filter;
import io.wearflow.http.controlplane.Unavailable;
import java.util.List;
import java.util.Optional;

/**
 * The devices the edge reads and writes, always scoped to their owner; in production {@link
 * #of(DeviceStore)}. A port so that handler tests run without a database.
 */
public interface Devices {

  Device create(long ownerId, DeviceDetails details);

  Optional<Device> findOwned(long ownerId, long id);

  Optional<Device> replace(long ownerId, long id, DeviceDetails details);

  /**
   * @return false if the owner has no such device
   * @throws DeviceInUseException while timeframes reference it
   */
  boolean delete(long ownerId, long id);

  /** See {@link DeviceStore#list}: ordered by {@code orderBy} then id. */
  List<Device> list(
      long ownerId, Filter filter, String orderBy, boolean descending, long offset, int limit);

  long count(long ownerId, Filter filter);

  static Devices of(DeviceStore store) {
    return new Devices() {
      @Override
      public Device create(long ownerId, DeviceDetails details) {
        return store.create(ownerId, details);
      }

      @Override
      public Optional<Device> findOwned(long ownerId, long id) {
        return store.findOwned(ownerId, id);
      }

      @Override
      public Optional<Device> replace(long ownerId, long id, DeviceDetails details) {
        return store.replace(ownerId, id, details);
      }

      @Override
      public boolean delete(long ownerId, long id) {
        return store.delete(ownerId, id);
      }

      @Override
      public List<Device> list(
          long ownerId, Filter filter, String orderBy, boolean descending, long offset, int limit) {
        return store.list(ownerId, filter, orderBy, descending, offset, limit);
      }

      @Override
      public long count(long ownerId, Filter filter) {
        return store.count(ownerId, filter);
      }
    };
  }

  /** No devices table: every call fails as an unavailable database (503). */
  static Devices unavailable() {
    return Unavailable.proxy(Devices.class, "devices");
  }
}
