package io.wearflow.infra.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What each simulated device sends, in order: per-minute steps, distance and calories in batches of
 * six hours (activity time series), heart-rate samples every 15 minutes (samples API, with the
 * offset of the user's zone), then the batches shuffled by the options: some duplicated, some
 * corrected and re-sent, some held back and sent last, and points 9 days old that are too late to
 * count. Deterministic for a seed.
 */
final class FleetPlan {

  /** The API a batch goes to. */
  enum Kind {
    TIME_SERIES,
    HEART_RATE
  }

  /** One measurement: a time-series point (series, minute) or a heart-rate sample. */
  record Point(String series, Instant start, Instant end, double value) {

    /** The identity wearflow deduplicates by, within one device. */
    String identity() {
      return series + "@" + start.getEpochSecond() + "-" + end.getEpochSecond();
    }
  }

  /** One request. {@code tooLate} points must not be counted. */
  record Batch(SimulatedUser user, Kind kind, List<Point> points, String label, boolean tooLate) {

    Batch withPoints(List<Point> changed, String newLabel) {
      return new Batch(user, kind, changed, newLabel, tooLate);
    }
  }

  static final List<String> SERIES = List.of("steps", "distance", "calories");
  static final Duration BATCH_SPAN = Duration.ofHours(6);
  static final Duration LATENESS_LIMIT = Duration.ofDays(8);

  int duplicates;
  int corrections;
  int late;
  int tooLatePoints;

  private final FleetOptions options;
  private final Instant now;

  FleetPlan(FleetOptions options, Instant now) {
    this.options = options;
    this.now = now.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The first minute any device sends data for (never more than 8 days before now). */
  Instant windowStart() {
    Instant start = now.minus(Duration.ofDays(options.days()));
    Instant earliestAccepted = now.minus(LATENESS_LIMIT).plus(Duration.ofMinutes(30));
    return start.isBefore(earliestAccepted) ? earliestAccepted : start;
  }

  /** The end (exclusive) of the data: a little before now, so no point lies in the future. */
  Instant windowEnd() {
    return now.minus(Duration.ofMinutes(2));
  }

  List<SimulatedUser> users(String runId) {
    Random random = new Random(options.seed());
    List<SimulatedUser> users = new ArrayList<>();
    Instant middle = windowStart().plus(Duration.between(windowStart(), windowEnd()).dividedBy(2));
    for (int i = 0; i < options.devices(); i++) {
      ZoneId zone = ZoneId.of(options.zones().get(i % options.zones().size()));
      boolean traveller = i % 7 == 6;
      ZoneId movesTo =
          traveller ? ZoneId.of(options.zones().get((i + 1) % options.zones().size())) : null;
      Instant movesAt =
          traveller
              ? middle.plus(Duration.ofMinutes(random.nextInt(600))).truncatedTo(ChronoUnit.MINUTES)
              : null;
      int dayStartHour = i % 5 == 4 ? 4 : 0;
      users.add(
          new SimulatedUser(i, "fleet-" + runId + "-" + i, zone, movesTo, movesAt, dayStartHour));
    }
    return users;
  }

  /** Every user's batches in the order the device sends them. */
  List<List<Batch>> batches(List<SimulatedUser> users) {
    List<List<Batch>> all = new ArrayList<>();
    for (SimulatedUser user : users) {
      all.add(batchesOf(user, new Random(options.seed() * 1_000_003L + user.index())));
    }
    return all;
  }

  private List<Batch> batchesOf(SimulatedUser user, Random random) {
    List<Batch> planned = new ArrayList<>();
    for (Instant from = windowStart(); from.isBefore(windowEnd()); from = from.plus(BATCH_SPAN)) {
      Instant to =
          from.plus(BATCH_SPAN).isBefore(windowEnd()) ? from.plus(BATCH_SPAN) : windowEnd();
      List<Point> series = new ArrayList<>();
      List<Point> heartRate = new ArrayList<>();
      for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
        int hour = LocalDateTime.ofInstant(minute, user.zoneAt(minute)).getHour();
        boolean awake = hour >= 7 && hour < 23;
        int steps = awake && random.nextDouble() < 0.3 ? 20 + random.nextInt(121) : 0;
        Instant end = minute.plusSeconds(60);
        if (steps > 0) {
          series.add(new Point("steps", minute, end, steps));
          series.add(new Point("distance", minute, end, Math.round(steps * 0.75)));
        }
        series.add(new Point("calories", minute, end, 4500 + random.nextInt(401) + steps * 35));
        if (minute.getEpochSecond() / 60 % 15 == 2) {
          // A 5-minute heart-rate sample, never across a day boundary (they fall on whole hours).
          int bpm = (awake ? 62 : 48) + random.nextInt(25) + steps / 3;
          heartRate.add(new Point("bpm", minute, minute.plusSeconds(300), bpm));
        }
      }
      String label = user.username() + " " + from;
      if (!series.isEmpty()) {
        planned.add(new Batch(user, Kind.TIME_SERIES, series, "series " + label, false));
      }
      if (heartRate.size() >= 3) {
        planned.add(new Batch(user, Kind.HEART_RATE, heartRate, "heart rate " + label, false));
      }
    }
    return shuffle(planned, random, user);
  }

  private List<Batch> shuffle(List<Batch> planned, Random random, SimulatedUser user) {
    List<Batch> onTime = new ArrayList<>();
    List<Batch> held = new ArrayList<>();
    for (Batch batch : planned) {
      if (random.nextDouble() < options.lateRate()) {
        held.add(batch);
        late++;
      } else {
        onTime.add(batch);
      }
    }
    List<Batch> order = new ArrayList<>(onTime);
    order.addAll(held);
    for (Batch batch : List.copyOf(order)) {
      int position = order.indexOf(batch);
      if (random.nextDouble() < options.duplicateRate()) {
        order.add(position + 1 + random.nextInt(order.size() - position), batch);
        duplicates++;
      }
      if (random.nextDouble() < options.correctionRate()) {
        List<Point> changed = new ArrayList<>(batch.points());
        int i = random.nextInt(changed.size());
        Point point = changed.get(i);
        changed.set(i, new Point(point.series(), point.start(), point.end(), point.value() + 1));
        order.add(
            position + 1 + random.nextInt(order.size() - position),
            batch.withPoints(changed, "corrected " + batch.label()));
        corrections++;
      }
    }
    if (options.tooLate() && user.index() % 5 == 0) {
      Instant old = now.minus(Duration.ofDays(9)).minus(Duration.ofHours(1));
      List<Point> points = new ArrayList<>();
      for (int m = 0; m < 30; m++) {
        Instant minute = old.plusSeconds(60L * m);
        points.add(new Point("steps", minute, minute.plusSeconds(60), 50));
      }
      order.add(
          random.nextInt(order.size() + 1),
          new Batch(user, Kind.TIME_SERIES, points, "9 days old " + user.username(), true));
      tooLatePoints += points.size();
    }
    return order;
  }
}
