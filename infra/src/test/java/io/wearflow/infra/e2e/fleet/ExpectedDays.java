package io.wearflow.infra.e2e.fleet;

import io.wearflow.infra.e2e.fleet.TimeSeriesBatch.Point;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the actigraphy should say about activity time series points, computed with {@code java.time}
 * alone (no project code), as docs/api.md defines it: a one-minute point belongs to the local date
 * of its start, in the zone in force at that instant (with that zone's DST rules), less the
 * day-start hour; it fills the curve slot of its local wall-clock minute after the day start, so an
 * hour repeated when clocks fall back adds into the same 60 slots and an hour skipped when they
 * spring forward leaves its slots empty.
 */
final class ExpectedDays {

  /** Slots of a day's curve: one per wall-clock minute. */
  static final int SLOTS = 1440;

  /**
   * One expected day.
   *
   * @param steps count
   * @param distance metres
   * @param calories joules
   * @param sampleCount points in the day (each is one sample)
   * @param minutesWithData distinct curve slots holding any point
   */
  record Day(
      double steps, double distance, double calories, int sampleCount, int minutesWithData) {}

  private final Function<Instant, ZoneId> zoneAt;
  private final int dayStartHour;

  private ExpectedDays(Function<Instant, ZoneId> zoneAt, int dayStartHour) {
    this.zoneAt = zoneAt;
    this.dayStartHour = dayStartHour;
  }

  /** A user who always lived in {@code zone}, days starting at {@code dayStartHour}:00. */
  static ExpectedDays in(ZoneId zone, int dayStartHour) {
    return new ExpectedDays(t -> zone, dayStartHour);
  }

  /** A user living in {@code before} until {@code move}, in {@code after} from then on. */
  static ExpectedDays moving(ZoneId before, Instant move, ZoneId after) {
    return new ExpectedDays(t -> t.isBefore(move) ? before : after, 0);
  }

  /** The user's local date of {@code t} (the day start shifted to midnight). */
  LocalDate dateOf(Instant t) {
    return shifted(t).toLocalDate();
  }

  /** The curve slot of {@code t}: its wall-clock minute after the day start. */
  int slotOf(Instant t) {
    return shifted(t).toLocalTime().toSecondOfDay() / 60;
  }

  /** The wall-clock time of {@code t} in the zone in force, less the day-start hour. */
  private LocalDateTime shifted(Instant t) {
    return LocalDateTime.ofInstant(t, zoneAt.apply(t)).minusHours(dayStartHour);
  }

  /** The days the points fall in, by date. */
  SortedMap<LocalDate, Day> days(Collection<Point> points) {
    Map<LocalDate, double[]> sums = new TreeMap<>();
    Map<LocalDate, Integer> counts = new TreeMap<>();
    Map<LocalDate, Set<Integer>> slots = new TreeMap<>();
    for (Point p : points) {
      LocalDate date = dateOf(p.start());
      double[] sum = sums.computeIfAbsent(date, d -> new double[3]);
      switch (p.series()) {
        case TimeSeriesBatch.STEPS -> sum[0] += p.value();
        case TimeSeriesBatch.DISTANCE -> sum[1] += p.value();
        case TimeSeriesBatch.CALORIES -> sum[2] += p.value();
        default -> throw new IllegalArgumentException(p.series());
      }
      counts.merge(date, 1, Integer::sum);
      slots.computeIfAbsent(date, d -> new HashSet<>()).add(slotOf(p.start()));
    }
    SortedMap<LocalDate, Day> days = new TreeMap<>();
    sums.forEach(
        (date, sum) ->
            days.put(
                date, new Day(sum[0], sum[1], sum[2], counts.get(date), slots.get(date).size())));
    return days;
  }

  /** The day's curve of {@code series}: {@value #SLOTS} slots, null where no point fell. */
  List<Double> curve(Collection<Point> points, String series, LocalDate date) {
    List<Double> curve = new ArrayList<>(Collections.nCopies(SLOTS, (Double) null));
    for (Point p : points) {
      if (p.series().equals(series) && dateOf(p.start()).equals(date)) {
        int slot = slotOf(p.start());
        Double before = curve.get(slot);
        curve.set(slot, before == null ? p.value() : before + p.value());
      }
    }
    return curve;
  }
}
