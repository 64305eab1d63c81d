package io.wearflow.infra.bench;

import io.wearflow.infra.generate.GeneratedActivity;
import io.wearflow.infra.generate.PlannedSession;
import io.wearflow.infra.generate.SeasonPlan;
import io.wearflow.infra.generate.SessionSimulator;
import io.wearflow.jobs.activity.metrics.ActivityMetric;
import io.wearflow.jobs.activity.metrics.MeanMaxCurve;
import io.wearflow.jobs.activity.metrics.SecondSeries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A year of one athlete's power curves as the activity job would store them: the season of {@code
 * ./wearflow generate activities} ({@link SeasonPlan}, each session simulated at 1 Hz by {@link
 * SessionSimulator}) cut to the {@code days} local dates ending at {@code last}, and for each
 * activity the exact {@link MeanMaxCurve} of its power series (every duration from 1 s to its
 * length). Rides carry the simulated power meter's watts; runs, which the simulator records without
 * power, get a running-power-meter estimate of {@value #RUNNER_WATTS_PER_MPS} W per m/s of speed
 * (about 1.04 J/kg/m for a 72 kg runner), so that every activity of the year has a power curve.
 */
final class YearOfActivities {

  /** Running power per m/s of speed, W·s/m (1.04 J/kg/m × 72 kg). */
  static final double RUNNER_WATTS_PER_MPS = 75;

  /**
   * One activity and its power curve.
   *
   * @param activityId as the edge derives it from the user and the file's SHA-256
   * @param sha256 stands in for the file's hash (the bench stores no file)
   * @param sport wire name
   * @param start first second, UTC
   * @param end last second, UTC
   * @param localOffsetSeconds offset of local time at the start
   * @param localDate local date of the start
   * @param best {@code best[d - 1]}: best mean power over d seconds, W
   * @param bestStart {@code bestStart[d - 1]}: epoch second where that window starts
   */
  record Activity(
      String activityId,
      String sha256,
      String sport,
      Instant start,
      Instant end,
      int localOffsetSeconds,
      LocalDate localDate,
      double[] best,
      long[] bestStart) {}

  /** The best of one duration over all activities; ties go to the earlier activity. */
  record Best(int durationSeconds, double value, String activityId, long windowStart) {}

  private YearOfActivities() {}

  /** The activities of the {@code days} local dates ending at {@code last}, oldest first. */
  static List<Activity> of(long userId, long seed, LocalDate last, int days) {
    LocalDate first = last.minusDays(days - 1L);
    int weeks = days / 7 + 2;
    List<Activity> activities = new ArrayList<>();
    for (PlannedSession session : SeasonPlan.plan(seed, weeks, last)) {
      LocalDate localDate = session.start().toLocalDate();
      if (localDate.isBefore(first) || localDate.isAfter(last)) {
        continue;
      }
      activities.add(activity(userId, SessionSimulator.simulate(session)));
    }
    activities.sort(Comparator.comparing(Activity::start));
    return activities;
  }

  /**
   * Per duration, the best over {@code activities} (oldest first); durations no activity covers are
   * left out.
   */
  static List<Best> bests(List<Activity> activities, int... durations) {
    List<Best> bests = new ArrayList<>();
    for (int d : durations) {
      Best found = null;
      for (Activity activity : activities) {
        if (d > activity.best().length || Double.isNaN(activity.best()[d - 1])) {
          continue;
        }
        double value = activity.best()[d - 1];
        // Oldest first: on a tie the earlier activity stays.
        if (found == null || value > found.value()) {
          found = new Best(d, value, activity.activityId(), activity.bestStart()[d - 1]);
        }
      }
      if (found != null) {
        bests.add(found);
      }
    }
    return bests;
  }

  private static Activity activity(long userId, GeneratedActivity generated) {
    List<GeneratedActivity.Sample> samples = generated.samples();
    double[] watts = new double[samples.size()];
    for (int i = 0; i < watts.length; i++) {
      GeneratedActivity.Sample sample = samples.get(i);
      watts[i] =
          sample.power() != null
              ? sample.power()
              : Math.round(sample.speed() * RUNNER_WATTS_PER_MPS);
    }
    Instant start = samples.get(0).timestamp();
    MeanMaxCurve curve =
        MeanMaxCurve.of(new SecondSeries(ActivityMetric.POWER, start.getEpochSecond(), watts));
    double[] best = new double[curve.maxDuration()];
    long[] bestStart = new long[best.length];
    for (int d = 1; d <= best.length; d++) {
      best[d - 1] = curve.best(d).orElse(Double.NaN);
      bestStart[d - 1] = Double.isNaN(best[d - 1]) ? 0 : curve.bestStartEpochSecond(d);
    }
    String sha256 = sha256(userId + ":" + generated.baseName() + ":" + generated.session().seed());
    String activityId =
        UUID.nameUUIDFromBytes(
                ("wearflow-activity:" + userId + ":" + sha256).getBytes(StandardCharsets.UTF_8))
            .toString();
    return new Activity(
        activityId,
        sha256,
        generated.session().kind().sport().wireName(),
        start,
        samples.get(samples.size() - 1).timestamp(),
        generated.localOffset().getTotalSeconds(),
        generated.session().start().toLocalDate(),
        best,
        bestStart);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
