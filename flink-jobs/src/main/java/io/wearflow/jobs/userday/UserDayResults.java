package io.wearflow.jobs.userday;

import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Computes the published {@link UserDay} from a day's {@link DayState}. The definitions (those of
 * {@code user_day.avsc}):
 *
 * <ul>
 *   <li>totals: the sums of steps (count), distance (m) and calories (J) over the day's minutes;
 *   <li>curves: slot i holds minute i after the day start; null where no measurement of that
 *       quantity overlaps the minute; heart rate is the time-weighted mean of the minute;
 *   <li>bpm_mean: time-weighted mean over the day (an instant weighs one second); bpm_min and
 *       bpm_max: lowest and highest heart rate of the day's measurements;
 *   <li>bpm_resting: the mean of the lowest tenth (rounded up) of the per-minute heart rates, given
 *       at least {@value #RESTING_MIN_MINUTES} minutes with heart rate; null otherwise;
 *   <li>minutes_with_data: minutes any measurement overlaps; active_minutes: minutes with at least
 *       {@value #ACTIVE_STEPS_PER_MINUTE} steps;
 *   <li>sources: per (source, device name), sorted; devices: the distinct device names, sorted.
 * </ul>
 */
public final class UserDayResults {

  /** Minutes with heart rate needed for a resting heart-rate estimate. */
  public static final int RESTING_MIN_MINUTES = 30;

  /** Steps in a minute that make it an active minute (moderate walking cadence). */
  public static final int ACTIVE_STEPS_PER_MINUTE = 100;

  private UserDayResults() {}

  /** The day {@code epochDay} of user {@code userId} as published. */
  public static UserDay toUserDay(long userId, long epochDay, DayState day) {
    Double[] steps = new Double[MinuteSplitter.MINUTES_PER_DAY];
    Double[] distance = new Double[MinuteSplitter.MINUTES_PER_DAY];
    Double[] calories = new Double[MinuteSplitter.MINUTES_PER_DAY];
    Double[] bpm = new Double[MinuteSplitter.MINUTES_PER_DAY];
    MinuteSums minutes = day.minutes;
    long activeThreshold = Quantity.STEPS.toFixed(ACTIVE_STEPS_PER_MINUTE);
    long stepsTotal = 0;
    long distanceTotal = 0;
    long caloriesTotal = 0;
    long bpmWeighted = 0;
    long bpmWeight = 0;
    int minutesWithData = 0;
    int activeMinutes = 0;
    double[] minuteHeartRates = new double[minutes.size];
    int minutesWithHeartRate = 0;
    for (int row = 0; row < minutes.size; row++) {
      int slot = minutes.slots[row];
      boolean data = false;
      if (minutes.get(row, MinuteSums.STEPS_COUNT) > 0) {
        long sum = minutes.get(row, MinuteSums.STEPS);
        steps[slot] = Quantity.STEPS.fromFixed(sum);
        stepsTotal += sum;
        activeMinutes += sum >= activeThreshold ? 1 : 0;
        data = true;
      }
      if (minutes.get(row, MinuteSums.DISTANCE_COUNT) > 0) {
        long sum = minutes.get(row, MinuteSums.DISTANCE);
        distance[slot] = Quantity.DISTANCE.fromFixed(sum);
        distanceTotal += sum;
        data = true;
      }
      if (minutes.get(row, MinuteSums.CALORIES_COUNT) > 0) {
        long sum = minutes.get(row, MinuteSums.CALORIES);
        calories[slot] = Quantity.CALORIES.fromFixed(sum);
        caloriesTotal += sum;
        data = true;
      }
      long weight = minutes.get(row, MinuteSums.BPM_WEIGHT);
      if (weight > 0) {
        long weighted = minutes.get(row, MinuteSums.BPM_WEIGHTED);
        double mean = weighted / (weight * 1000.0);
        bpm[slot] = mean;
        minuteHeartRates[minutesWithHeartRate++] = mean;
        bpmWeighted += weighted;
        bpmWeight += weight;
        data = true;
      }
      minutesWithData += data ? 1 : 0;
    }
    HeartRates heartRates = day.heartRates;
    return UserDay.newBuilder()
        .setUserId(userId)
        .setLocalDate(LocalDate.ofEpochDay(epochDay))
        .setStepsTotal(Quantity.STEPS.fromFixed(stepsTotal))
        .setDistanceTotalM(Quantity.DISTANCE.fromFixed(distanceTotal))
        .setCaloriesTotalJ(Quantity.CALORIES.fromFixed(caloriesTotal))
        .setBpmMin(heartRates.isEmpty() ? null : Quantity.BPM.fromFixed(heartRates.min()))
        .setBpmMax(heartRates.isEmpty() ? null : Quantity.BPM.fromFixed(heartRates.max()))
        .setBpmMean(bpmWeight > 0 ? bpmWeighted / (bpmWeight * 1000.0) : null)
        .setBpmResting(resting(minuteHeartRates, minutesWithHeartRate))
        .setSampleCount(day.sampleCount)
        .setMinutesWithData(minutesWithData)
        .setActiveMinutes(activeMinutes)
        .setDayStartHour(day.dayStartHour)
        .setDevices(devices(day.sources))
        .setSources(sources(day.sources))
        .setUpdatedAt(Instant.ofEpochMilli(Math.max(0, day.updatedAtMillis)))
        .setStepsPerMinute(Arrays.asList(steps))
        .setDistancePerMinute(Arrays.asList(distance))
        .setCaloriesPerMinute(Arrays.asList(calories))
        .setBpmPerMinute(Arrays.asList(bpm))
        .build();
  }

  /** Mean of the lowest tenth (rounded up) of {@code count} per-minute heart rates, or null. */
  static Double resting(double[] minuteHeartRates, int count) {
    if (count < RESTING_MIN_MINUTES) {
      return null;
    }
    double[] sorted = Arrays.copyOf(minuteHeartRates, count);
    Arrays.sort(sorted);
    int lowest = (count + 9) / 10;
    double sum = 0;
    for (int i = 0; i < lowest; i++) {
      sum += sorted[i];
    }
    return sum / lowest;
  }

  private static List<String> devices(SourceSums sources) {
    TreeSet<String> devices = new TreeSet<>();
    for (int row = 0; row < sources.size; row++) {
      devices.add(sources.devices[row]);
    }
    return List.copyOf(devices);
  }

  private static List<SourceTotals> sources(SourceSums sources) {
    List<SourceTotals> totals = new ArrayList<>(sources.size);
    for (int row = 0; row < sources.size; row++) {
      totals.add(
          SourceTotals.newBuilder()
              .setSource(sources.sources[row])
              .setDeviceName(sources.devices[row])
              .setSteps(Quantity.STEPS.fromFixed(sources.get(row, SourceSums.STEPS)))
              .setDistanceM(Quantity.DISTANCE.fromFixed(sources.get(row, SourceSums.DISTANCE)))
              .setCaloriesJ(Quantity.CALORIES.fromFixed(sources.get(row, SourceSums.CALORIES)))
              .setSampleCount((int) sources.get(row, SourceSums.SAMPLES))
              .build());
    }
    return totals;
  }
}
