package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code GET /api/0.1/actigraphy/}: the requested range and the caller's days in it
 * that have data, by date (days without any sample are absent, not zero-filled).
 *
 * <pre>{@code
 * {"start_date": "2023-11-01", "end_date": "2023-11-02",
 *  "days": [{"date": "2023-11-01", "steps": 38.0,
 *            "heart_rate": {"min": 52.0, "max": 140.0, "mean": 71.3},
 *            "sample_count": 5, "devices": ["iPhone"], "updated_at": "2023-11-01T10:00:00Z"}]}
 * }</pre>
 *
 * {@code date} is the user's local day (each sample's start in its own UTC offset); {@code steps}
 * the steps counted that day (count; an interval crossing midnight contributes in proportion);
 * {@code heart_rate} min, max and time-weighted mean in beats per minute, null when the day has no
 * heart-rate sample; {@code sample_count} the distinct samples overlapping the day; {@code devices}
 * the contributing device names, sorted; {@code updated_at} when the newest of the day's samples
 * was received (UTC).
 */
@JsonPropertyOrder({"start_date", "end_date", "days"})
public record ActigraphyResponse(
    @JsonProperty("start_date") LocalDate startDate,
    @JsonProperty("end_date") LocalDate endDate,
    @JsonProperty("days") List<Day> days) {

  /** One local day of a user. */
  @JsonPropertyOrder({"date", "steps", "heart_rate", "sample_count", "devices", "updated_at"})
  public record Day(
      @JsonProperty("date") LocalDate date,
      @JsonProperty("steps") double steps,
      @JsonProperty("heart_rate") HeartRate heartRate,
      @JsonProperty("sample_count") int sampleCount,
      @JsonProperty("devices") List<String> devices,
      @JsonProperty("updated_at") Instant updatedAt) {

    static Day of(UserDay day) {
      HeartRate heartRate =
          day.getBpmMean() == null
              ? null
              : new HeartRate(day.getBpmMin(), day.getBpmMax(), day.getBpmMean());
      return new Day(
          day.getLocalDate(),
          day.getStepsTotal(),
          heartRate,
          day.getSampleCount(),
          List.copyOf(day.getDevices()),
          day.getUpdatedAt());
    }
  }

  /** Heart rate of a day in beats per minute. */
  @JsonPropertyOrder({"min", "max", "mean"})
  public record HeartRate(
      @JsonProperty("min") Double min,
      @JsonProperty("max") Double max,
      @JsonProperty("mean") Double mean) {}

  public static ActigraphyResponse of(DateRange range, List<UserDay> days) {
    return new ActigraphyResponse(range.start(), range.end(), days.stream().map(Day::of).toList());
  }
}
