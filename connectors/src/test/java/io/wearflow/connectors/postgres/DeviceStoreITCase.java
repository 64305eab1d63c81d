package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link DeviceStore} against a real PostgreSQL with the project's migrations. */
class DeviceStoreITCase {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Database database;
  private static AccountStore accounts;
  private static DeviceStore store;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("devices");
    accounts = new AccountStore(database.dataSource());
    store = new DeviceStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void createdDeviceReadsBackWithEveryFieldForItsOwnerOnly() {
    long coach = account(Role.MANAGER);
    long other = account(Role.MANAGER);

    Device vest = store.create(coach, new DeviceDetails("Vest 7", "GPS-007", "Catapult Vector"));
    Device bare = store.create(coach, new DeviceDetails("Bare", null, null));

    assertThat(vest.id()).isPositive();
    assertThat(vest)
        .extracting(Device::ownerId, Device::name, Device::externalId, Device::model)
        .containsExactly(coach, "Vest 7", "GPS-007", "Catapult Vector");
    assertThat(vest.updatedAt()).isEqualTo(vest.createdAt());
    assertThat(bare.externalId()).isNull();
    assertThat(bare.model()).isNull();
    assertThat(store.findOwned(coach, vest.id())).contains(vest);
    assertThat(store.findOwned(other, vest.id())).isEmpty();
    assertThat(store.findOwned(coach, vest.id() + 1000)).isEmpty();
  }

  @Test
  void replaceChangesEveryDetailOnlyForTheOwner() {
    long coach = account(Role.MANAGER);
    long other = account(Role.MANAGER);
    Device vest = store.create(coach, new DeviceDetails("Vest", "A", "M1"));

    assertThat(store.replace(other, vest.id(), new DeviceDetails("Stolen", null, null))).isEmpty();
    Device replaced =
        store.replace(coach, vest.id(), new DeviceDetails("Vest 2", null, "M2")).get();

    assertThat(replaced)
        .extracting(Device::id, Device::ownerId, Device::name, Device::externalId, Device::model)
        .containsExactly(vest.id(), coach, "Vest 2", null, "M2");
    assertThat(replaced.createdAt()).isEqualTo(vest.createdAt());
    assertThat(replaced.updatedAt()).isAfterOrEqualTo(vest.updatedAt());
    assertThat(store.findOwned(coach, vest.id())).contains(replaced);
  }

  @Test
  void listsOnlyTheOwnersDevicesFilteredOrderedAndPaged() {
    long coach = account(Role.MANAGER);
    long other = account(Role.MANAGER);
    Device c = store.create(coach, new DeviceDetails("charlie", "ext-1", "Polar"));
    Device a = store.create(coach, new DeviceDetails("Alpha", null, "Catapult"));
    Device b = store.create(coach, new DeviceDetails("bravo", "POLAR-9", null));
    store.create(other, new DeviceDetails("alpha of another", null, null));

    DeviceStore.Filter none = DeviceStore.Filter.NONE;
    assertThat(store.list(coach, none, "id", false, 0, 10)).containsExactly(c, a, b);
    assertThat(store.count(coach, none)).isEqualTo(3);
    assertThat(store.list(coach, none, "name", false, 0, 10)).containsExactly(a, b, c);
    assertThat(store.list(coach, none, "name", true, 0, 10)).containsExactly(c, b, a);
    assertThat(store.list(coach, none, "name", false, 1, 1)).containsExactly(b);

    DeviceStore.Filter polar = new DeviceStore.Filter("polar", null);
    assertThat(store.list(coach, polar, "id", false, 0, 10)).containsExactly(c, b);
    assertThat(store.count(coach, polar)).isEqualTo(2);
    DeviceStore.Filter named = new DeviceStore.Filter(null, "ALPH");
    assertThat(store.list(coach, named, "id", false, 0, 10)).containsExactly(a);
    assertThat(store.count(coach, named)).isEqualTo(1);
  }

  @Test
  void deviceReferencedByATimeframeCannotBeDeleted() throws SQLException {
    long coach = account(Role.MANAGER);
    long athlete = account(Role.ATHLETE);
    Device used = store.create(coach, new DeviceDetails("Used", null, null));
    Device free = store.create(coach, new DeviceDetails("Free", null, null));
    insertTimeframe(used.id(), athlete, coach);

    assertThatThrownBy(() -> store.delete(coach, used.id()))
        .isInstanceOf(DeviceInUseException.class);
    assertThat(store.findOwned(coach, used.id())).isPresent();

    long other = account(Role.MANAGER);
    assertThat(store.delete(other, free.id())).isFalse();
    assertThat(store.delete(coach, free.id())).isTrue();
    assertThat(store.findOwned(coach, free.id())).isEmpty();
    assertThat(store.delete(coach, free.id())).isFalse();
  }

  private static void insertTimeframe(long device, long athlete, long owner) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO timeframes (start_time, end_time, device_id, athlete_id, owner_id,"
                    + " json_schema) VALUES (now(), now() + interval '45 minutes', ?, ?, ?, 2)")) {
      statement.setLong(1, device);
      statement.setLong(2, athlete);
      statement.setLong(3, owner);
      statement.executeUpdate();
    }
  }

  private static long account(Role role) {
    String name = role.dbValue() + "-" + NAMES.incrementAndGet();
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, role, null, null, null))
        .id();
  }
}
