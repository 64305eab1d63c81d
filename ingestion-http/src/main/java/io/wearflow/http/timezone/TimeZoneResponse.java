package io.wearflow.http.timezone;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.connectors.postgres.DaySetting;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET} and {@code PUT /api/v1/me/timezone}: the setting in force now and the
 * whole history, oldest first.
 *
 * <pre>{@code
 * {"current": {"time_zone": "Europe/Berlin", "effective_from": "2024-03-01T00:00:00Z",
 *              "day_start_hour": 0},
 *  "history": [{"time_zone": "Europe/Berlin", "effective_from": "2024-03-01T00:00:00Z",
 *               "day_start_hour": 0},
 *              {"time_zone": "America/New_York", "effective_from": "2030-01-01T00:00:00Z",
 *               "day_start_hour": 4}]}
 * }</pre>
 *
 * A user without a setting in force has {@code current = {"time_zone": "UTC", "effective_from":
 * null, "day_start_hour": 0}}; settings effective in the future are in the history only.
 */
@JsonPropertyOrder({"current", "history"})
public record TimeZoneResponse(
    @JsonProperty("current") Setting current, @JsonProperty("history") List<Setting> history) {

  /** One setting; {@code effective_from} is null only for the default (no setting yet). */
  @JsonPropertyOrder({"time_zone", "effective_from", "day_start_hour"})
  public record Setting(
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("effective_from") Instant effectiveFrom,
      @JsonProperty("day_start_hour") int dayStartHour) {

    static Setting of(DaySetting setting) {
      return new Setting(
          setting.timeZone().getId(), setting.effectiveFrom(), setting.dayStartHour());
    }
  }

  static final Setting DEFAULT =
      new Setting(DaySettings.DEFAULT_ZONE_ID, null, DaySettings.DEFAULT_DAY_START_HOUR);

  public static TimeZoneResponse of(DaySettings settings, Instant now) {
    return new TimeZoneResponse(
        settings.inForceAt(now).map(Setting::of).orElse(DEFAULT),
        settings.history().stream().map(Setting::of).toList());
  }
}
