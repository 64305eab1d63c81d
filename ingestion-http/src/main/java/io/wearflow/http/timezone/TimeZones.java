package io.wearflow.http.timezone;

import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.connectors.postgres.TimeZoneStore;
import java.util.List;

/**
 * The time-zone settings the edge reads and writes; in production {@link #of(TimeZoneStore)}. A
 * port so that handler tests run without a database.
 */
public interface TimeZones {

  /** Stores the setting; one with the same {@code effectiveFrom} is replaced. */
  void put(long userId, DaySetting setting);

  /** Every setting of the user, oldest {@code effectiveFrom} first. */
  List<DaySetting> history(long userId);

  /** The user's settings, read once (one query) to stamp all measurements of a request. */
  default DaySettings settings(long userId) {
    return DaySettings.of(history(userId));
  }

  static TimeZones of(TimeZoneStore store) {
    return new TimeZones() {
      @Override
      public void put(long userId, DaySetting setting) {
        store.put(userId, setting);
      }

      @Override
      public List<DaySetting> history(long userId) {
        return store.history(userId);
      }
    };
  }

  /**
   * Settings that cannot be stored: writes fail as an unavailable database (503), reads find none
   * (every user in UTC). Only for wirings without a time-zone table.
   */
  static TimeZones unavailable() {
    return new TimeZones() {
      @Override
      public void put(long userId, DaySetting setting) {
        throw new StoreException(
            "time-zone settings are not wired to a database", new IllegalStateException());
      }

      @Override
      public List<DaySetting> history(long userId) {
        return List.of();
      }
    };
  }
}
