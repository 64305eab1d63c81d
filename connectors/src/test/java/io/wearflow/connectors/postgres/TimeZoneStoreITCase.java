package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link TimeZoneStore} against a real PostgreSQL with the project's migrations. */
class TimeZoneStoreITCase {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Database database;
  private static TimeZoneStore store;
  private static AccountStore accounts;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("time_zones");
    store = new TimeZoneStore(database.dataSource());
    accounts = new AccountStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void userWithoutSettingsHasAnEmptyHistory() {
    long user = athlete("nobody");

    assertThat(store.history(user)).isEmpty();
  }

  @Test
  void historyComesBackOldestFirst() {
    long user = athlete("traveller");
    DaySetting berlin = new DaySetting(Instant.parse("2024-03-01T00:00:00Z"), BERLIN, 0);
    DaySetting newYork = new DaySetting(Instant.parse("2024-06-15T12:30:00Z"), NEW_YORK, 4);
    DaySetting utc = new DaySetting(Instant.parse("2023-01-01T00:00:00Z"), ZoneId.of("UTC"), 23);

    store.put(user, newYork);
    store.put(user, berlin);
    store.put(user, utc);

    assertThat(store.history(user)).containsExactly(utc, berlin, newYork);
  }

  @Test
  void settingWithTheSameEffectiveFromReplacesTheStoredOne() {
    long user = athlete("changes-mind");
    Instant from = Instant.parse("2024-03-01T00:00:00Z");
    store.put(user, new DaySetting(from, BERLIN, 0));

    store.put(user, new DaySetting(from, NEW_YORK, 6));

    assertThat(store.history(user)).containsExactly(new DaySetting(from, NEW_YORK, 6));
  }

  @Test
  void instantsKeepMicroseconds() {
    long user = athlete("precise");
    DaySetting setting = new DaySetting(Instant.parse("2024-03-31T00:59:59.123456Z"), BERLIN, 0);

    store.put(user, setting);

    assertThat(store.history(user)).containsExactly(setting);
  }

  @Test
  void settingsBelongToTheirUser() {
    long alice = athlete("alice");
    long bob = athlete("bob");
    DaySetting aliceSetting = new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), BERLIN, 0);
    DaySetting bobSetting = new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), NEW_YORK, 5);

    store.put(alice, aliceSetting);
    store.put(bob, bobSetting);

    assertThat(store.history(alice)).containsExactly(aliceSetting);
    assertThat(store.history(bob)).containsExactly(bobSetting);
  }

  @Test
  void settingOfAnUnknownAccountIsAStoreFailure() {
    DaySetting setting = new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), BERLIN, 0);

    assertThatThrownBy(() -> store.put(987_654L, setting))
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot store the time zone of user 987654");
  }

  private static long athlete(String username) {
    return accounts
        .create(new NewAccount(username, null, null, Role.ATHLETE, null, null, null))
        .id();
  }
}
