package io.wearflow.infra.simulate;

import io.wearflow.infra.simulate.FleetPlan.Batch;
import io.wearflow.infra.simulate.FleetPlan.Point;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the actigraphy of one user must show for what the device sent: the last value sent of each
 * measurement, bucketed into the user's local days by {@link SimulatedUser}'s own rules and summed.
 * A second computation, independent of wearflow's job, so the simulator can compare.
 */
final class ExpectedDays {

  /** One user-day's expected values; heart-rate fields are null without heart-rate samples. */
  record Day(
      double steps,
      double distance,
      double calories,
      Double bpmMin,
      Double bpmMax,
      Double bpmMean,
      int bpmSamples) {}

  private ExpectedDays() {}

  /** The expected days of a user whose device sent {@code sent}, in that order. */
  static Map<LocalDate, Day> of(SimulatedUser user, List<Batch> sent) {
    Map<String, Point> last = new LinkedHashMap<>();
    for (Batch batch : sent) {
      if (batch.tooLate()) {
        continue;
      }
      for (Point point : batch.points()) {
        last.put(point.identity(), point);
      }
    }
    Map<LocalDate, double[]> sums = new TreeMap<>();
    Map<LocalDate, double[]> heart = new HashMap<>();
    for (Point point : last.values()) {
      boolean heartRate = point.series().equals("bpm");
      ZoneOffset offset = user.offsetAt(point.start());
      // Heart-rate samples carry the offset the device sent; time series are epoch-only.
      LocalDate day = heartRate ? user.dayOf(point.start(), offset) : user.dayOf(point.start());
      double[] totals = sums.computeIfAbsent(day, d -> new double[3]);
      switch (point.series()) {
        case "steps" -> totals[0] += point.value();
        case "distance" -> totals[1] += point.value();
        case "calories" -> totals[2] += point.value();
        case "bpm" -> {
          double[] h =
              heart.computeIfAbsent(
                  day, d -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
          h[0] = Math.min(h[0], point.value());
          h[1] = Math.max(h[1], point.value());
          h[2] += point.value(); // every sample lasts 5 minutes inside one day: equal weights
          h[3]++;
        }
        default -> throw new IllegalStateException("unknown series " + point.series());
      }
    }
    Map<LocalDate, Day> days = new TreeMap<>();
    sums.forEach(
        (day, t) -> {
          double[] h = heart.get(day);
          days.put(
              day,
              h == null
                  ? new Day(t[0], t[1], t[2], null, null, null, 0)
                  : new Day(t[0], t[1], t[2], h[0], h[1], h[2] / h[3], (int) h[3]));
        });
    return days;
  }
}
