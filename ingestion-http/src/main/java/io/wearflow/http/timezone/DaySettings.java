package io.wearflow.http.timezone;

import io.wearflow.connectors.postgres.DaySetting;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One user's time-zone history, resolved per instant: the setting in force at {@code t} is the one
 * with the latest {@code effective_from <= t}. Before the first setting (or without any) the user
 * lives in {@value #DEFAULT_ZONE_ID} with days starting at midnight. Offsets come from the zone's
 * rules at the instant itself, so they follow DST: Europe/Berlin is +01:00 until 2024-03-31T01:00Z
 * and +02:00 from then on.
 */
public final class DaySettings {

  /** Time zone of a user who never set one. */
  public static final String DEFAULT_ZONE_ID = "UTC";

  public static final ZoneId DEFAULT_ZONE = ZoneId.of(DEFAULT_ZONE_ID);

  /** Day-start hour of a user who never set one: days start at midnight. */
  public static final int DEFAULT_DAY_START_HOUR = 0;

  private static final DaySettings NONE = new DaySettings(new TreeMap<>());

  private final NavigableMap<Instant, DaySetting> byEffectiveFrom;

  private DaySettings(NavigableMap<Instant, DaySetting> byEffectiveFrom) {
    this.byEffectiveFrom = byEffectiveFrom;
  }

  /** The history in any order; of two settings with the same effective instant the later wins. */
  public static DaySettings of(Collection<DaySetting> settings) {
    NavigableMap<Instant, DaySetting> sorted = new TreeMap<>();
    for (DaySetting setting : settings) {
      sorted.put(setting.effectiveFrom(), setting);
    }
    return new DaySettings(sorted);
  }

  /** A user without settings: UTC, days from midnight. */
  public static DaySettings none() {
    return NONE;
  }

  /** The setting in force at {@code instant}; empty before the first one. */
  public Optional<DaySetting> inForceAt(Instant instant) {
    return Optional.ofNullable(byEffectiveFrom.floorEntry(instant)).map(Map.Entry::getValue);
  }

  /** The user's time zone at {@code instant}. */
  public ZoneId zoneAt(Instant instant) {
    return inForceAt(instant).map(DaySetting::timeZone).orElse(DEFAULT_ZONE);
  }

  /** The UTC offset of the user's local clock at {@code instant} (DST-aware). */
  public ZoneOffset offsetAt(Instant instant) {
    return zoneAt(instant).getRules().getOffset(instant);
  }

  /** The local hour at which the user's day starts, as in force at {@code instant}. */
  public int dayStartHourAt(Instant instant) {
    return inForceAt(instant).map(DaySetting::dayStartHour).orElse(DEFAULT_DAY_START_HOUR);
  }

  /** Every setting, oldest effective instant first. */
  public List<DaySetting> history() {
    return List.copyOf(byEffectiveFrom.values());
  }
}
