package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One local day of a user as the actigraphy endpoints render it.
 *
 * <pre>{@code
 * {"date": "2024-03-31", "day_start_hour": 0,
 *  "steps": 8412.0, "distance": 6120.5, "calories": 9350000.0,
 *  "heart_rate": {"min": 48.0, "max": 141.0, "mean": 68.2, "resting": 52.5},
 *  "minutes_with_data": 1380, "active_minutes": 34,
 *  "sources": [{"source": "activity-timeseries-0.1", "device_name": "band", "steps": 8000.0,
 *               "distance": 6120.5, "calories": 9350000.0, "sample_count": 4140}],
 *  "sample_count": 4150, "devices": ["band", "iPhone"], "updated_at": "2024-04-01T06:00:00Z"}
 * }</pre>
 *
 * {@code date} is the user's local day (starting at {@code day_start_hour} o'clock local time);
 * {@code steps} in count, {@code distance} in metres, {@code calories} in joules (an interval
 * crossing the day boundary contributes in proportion); {@code heart_rate} in beats per minute
 * (min, max, time-weighted mean, resting estimate, which is null with fewer than 30 minutes of
 * heart rate), null when the day has no heart-rate sample; {@code minutes_with_data} minutes any
 * measurement overlaps; {@code active_minutes} minutes with at least 100 steps; {@code sources}
 * totals per source API and device; {@code sample_count} distinct measurements overlapping the day;
 * {@code devices} contributing device names, sorted; {@code updated_at} when the newest measurement
 * of the day was received (UTC). {@code minutes} only in the one-day response ({@link Minutes}).
 */
@JsonPropertyOrder({
  "date",
  "day_start_hour",
  "steps",
  "distance",
  "calories",
  "heart_rate",
  "minutes_with_data",
  "active_minutes",
  "sources",
  "sample_count",
  "devices",
  "updated_at",
  "minutes"
})
public record ActigraphyDay(
    @JsonProperty("date") LocalDate date,
    @JsonProperty("day_start_hour") int dayStartHour,
    @JsonProperty("steps") double steps,
    @JsonProperty("distance") double distance,
    @JsonProperty("calories") double calories,
    @JsonProperty("heart_rate") HeartRate heartRate,
    @JsonProperty("minutes_with_data") int minutesWithData,
    @JsonProperty("active_minutes") int activeMinutes,
    @JsonProperty("sources") List<Source> sources,
    @JsonProperty("sample_count") int sampleCount,
    @JsonProperty("devices") List<String> devices,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("minutes") @JsonInclude(JsonInclude.Include.NON_NULL) Minutes minutes) {

  /** Slots of a curve on every day: one per local wall-clock minute. */
  public static final int SLOTS = 1440;

  /** Heart rate of a day in beats per minute. */
  @JsonPropertyOrder({"min", "max", "mean", "resting"})
  public record HeartRate(
      @JsonProperty("min") Double min,
      @JsonProperty("max") Double max,
      @JsonProperty("mean") Double mean,
      @JsonProperty("resting") Double resting) {}

  /** What one source API and device contributed (steps count, distance m, calories J). */
  @JsonPropertyOrder({"source", "device_name", "steps", "distance", "calories", "sample_count"})
  public record Source(
      @JsonProperty("source") String source,
      @JsonProperty("device_name") String deviceName,
      @JsonProperty("steps") double steps,
      @JsonProperty("distance") double distance,
      @JsonProperty("calories") double calories,
      @JsonProperty("sample_count") int sampleCount) {

    static Source of(SourceTotals totals) {
      return new Source(
          totals.getSource(),
          totals.getDeviceName(),
          totals.getSteps(),
          totals.getDistanceM(),
          totals.getCaloriesJ(),
          totals.getSampleCount());
    }
  }

  /**
   * The per-minute curves of a day. Slot {@code i} is local wall-clock minute {@code i} after the
   * day start ({@code first_slot}, local time {@code HH:mm}, i.e. {@code day_start_hour}:00): the
   * minute from {@code first_slot + i min} to {@code first_slot + (i + 1) min} on the local clock.
   * There are {@code slots} = 1,440 slots on every day; on the day clocks spring forward the
   * skipped hour's 60 slots stay null, on the day they fall back the repeated hour adds into the
   * same 60 slots. A slot is null where nothing of that series was measured. {@code steps} in
   * count, {@code distance} in metres, {@code calories} in joules per minute, {@code bpm} the
   * time-weighted mean heart rate of the minute in beats per minute.
   */
  @JsonPropertyOrder({
    "slot_seconds",
    "slots",
    "first_slot",
    "steps",
    "distance",
    "calories",
    "bpm"
  })
  public record Minutes(
      @JsonProperty("slot_seconds") int slotSeconds,
      @JsonProperty("slots") int slots,
      @JsonProperty("first_slot") String firstSlot,
      @JsonProperty("steps") List<Double> steps,
      @JsonProperty("distance") List<Double> distance,
      @JsonProperty("calories") List<Double> calories,
      @JsonProperty("bpm") List<Double> bpm) {

    static Minutes of(UserDay day) {
      List<Double> steps = slots(day.getStepsPerMinute());
      List<Double> distance = slots(day.getDistancePerMinute());
      List<Double> calories = slots(day.getCaloriesPerMinute());
      List<Double> bpm = slots(day.getBpmPerMinute());
      int slots =
          Math.max(Math.max(steps.size(), distance.size()), Math.max(calories.size(), bpm.size()));
      return new Minutes(
          60,
          slots,
          LocalTime.of(day.getDayStartHour(), 0).toString(),
          steps,
          distance,
          calories,
          bpm);
    }

    /** A stored curve; all-null slots when none is stored (a day written before curves). */
    private static List<Double> slots(List<Double> curve) {
      if (curve == null || curve.isEmpty()) {
        return Collections.nCopies(SLOTS, null);
      }
      return Collections.unmodifiableList(new ArrayList<>(curve));
    }
  }

  /** The day without its curves, as listed. */
  public static ActigraphyDay summary(UserDay day) {
    return of(day, null);
  }

  /** The day with its per-minute curves. */
  public static ActigraphyDay withMinutes(UserDay day) {
    return of(day, Minutes.of(day));
  }

  private static ActigraphyDay of(UserDay day, Minutes minutes) {
    HeartRate heartRate =
        day.getBpmMean() == null
            ? null
            : new HeartRate(
                day.getBpmMin(), day.getBpmMax(), day.getBpmMean(), day.getBpmResting());
    return new ActigraphyDay(
        day.getLocalDate(),
        day.getDayStartHour(),
        day.getStepsTotal(),
        day.getDistanceTotalM(),
        day.getCaloriesTotalJ(),
        heartRate,
        day.getMinutesWithData(),
        day.getActiveMinutes(),
        day.getSources().stream().map(Source::of).toList(),
        day.getSampleCount(),
        List.copyOf(day.getDevices()),
        day.getUpdatedAt(),
        minutes);
  }
}
