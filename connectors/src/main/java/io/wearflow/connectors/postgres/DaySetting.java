package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One entry of a user's perception of a day ({@code user_time_zones}): from {@code effectiveFrom}
 * on, epoch-only measurements are bucketed in {@code timeZone} (IANA, DST-aware) and each local day
 * starts at {@code dayStartHour} o'clock local time, until a later entry takes over.
 *
 * @param effectiveFrom first instant the setting applies to (inclusive)
 * @param timeZone IANA time zone, e.g. {@code Europe/Berlin}
 * @param dayStartHour local hour the user's day starts at, 0 to 23 (0 = midnight)
 */
public record DaySetting(Instant effectiveFrom, ZoneId timeZone, int dayStartHour) {

  public DaySetting {
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(timeZone, "timeZone");
    if (dayStartHour < 0 || dayStartHour > 23) {
      throw new IllegalArgumentException("dayStartHour must be between 0 and 23: " + dayStartHour);
    }
  }
}
