package io.wearflow.http.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.DeviceStore.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeviceOwnershipTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final long COACH = 3;
  private static final long RIVAL = 4;

  private final StoredDevices devices = new StoredDevices();
  private final AtomicLong nanos = new AtomicLong(-1_000L); // nanoTime may be negative
  private final DeviceOwnership ownership = new DeviceOwnership(devices, TTL, 16, nanos::get);

  @Test
  void confirmedOwnershipIsReusedWithinTheTtlAndCheckedAgainAfterIt() {
    devices.put(10, COACH);

    assertThat(ownership.owns(COACH, 10)).isTrue();
    nanos.addAndGet(TTL.toNanos() - 1);
    assertThat(ownership.owns(COACH, 10)).isTrue();
    assertThat(devices.lookups).hasValue(1);

    nanos.addAndGet(1);
    assertThat(ownership.owns(COACH, 10)).isTrue();
    assertThat(devices.lookups).hasValue(2);
  }

  @Test
  void foreignAndUnknownDevicesAreLookedUpEveryTime() {
    devices.put(10, COACH);

    for (int i = 0; i < 3; i++) {
      assertThat(ownership.owns(RIVAL, 10)).isFalse();
      assertThat(ownership.owns(COACH, 11)).isFalse();
    }
    assertThat(devices.lookups).hasValue(6);

    devices.put(11, COACH); // created meanwhile
    assertThat(ownership.owns(COACH, 11)).isTrue();
  }

  @Test
  void deviceDeletedElsewhereIsRefusedOnceTheTtlHasPassed() {
    devices.put(10, COACH);
    assertThat(ownership.owns(COACH, 10)).isTrue();

    devices.byId.remove(10L);
    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(ownership.owns(COACH, 10)).as("within the TTL").isTrue();
    nanos.addAndGet(TTL.toNanos() / 2);
    assertThat(ownership.owns(COACH, 10)).isFalse();
  }

  @Test
  void forgottenDeviceIsCheckedAgainAtOnceForEveryOwner() {
    devices.put(10, COACH);
    devices.put(20, COACH);
    assertThat(ownership.owns(COACH, 10)).isTrue();
    assertThat(ownership.owns(COACH, 20)).isTrue();

    devices.put(10, RIVAL); // re-assigned
    ownership.forget(10);

    assertThat(ownership.owns(COACH, 10)).isFalse();
    assertThat(ownership.owns(RIVAL, 10)).isTrue();
    assertThat(devices.lookups).hasValue(4);
    assertThat(ownership.owns(COACH, 20)).as("other devices stay remembered").isTrue();
    assertThat(devices.lookups).hasValue(4);
  }

  @Test
  void atMostTheBoundIsRemembered() {
    for (long id = 1; id <= 100; id++) {
      devices.put(id, COACH);
      assertThat(ownership.owns(COACH, id)).isTrue();
      assertThat(ownership.size()).isLessThanOrEqualTo(16);
    }
  }

  /** Devices in a map; only ownership lookups are needed here, and they are counted. */
  private static final class StoredDevices implements Devices {

    final Map<Long, Device> byId = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    void put(long id, long owner) {
      Instant created = Instant.parse("2023-11-01T00:00:00Z");
      byId.put(id, new Device(id, owner, "Vest " + id, null, null, created, created));
    }

    @Override
    public Optional<Device> findOwned(long ownerId, long id) {
      lookups.incrementAndGet();
      return Optional.ofNullable(byId.get(id)).filter(d -> d.ownerId() == ownerId);
    }

    @Override
    public Device create(long ownerId, DeviceDetails details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Device> replace(long ownerId, long id, DeviceDetails details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(long ownerId, long id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Device> list(
        long ownerId, Filter filter, String orderBy, boolean descending, long offset, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count(long ownerId, Filter filter) {
      throw new UnsupportedOperationException();
    }
  }
}
