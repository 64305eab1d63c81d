package io.wearflow.http.activities.read;

import io.wearflow.connectors.postgres.RecordedActivity;
import io.wearflow.connectors.postgres.RecordedActivityStore;
import io.wearflow.connectors.postgres.RecordedActivityStore.ActivitySeries;
import io.wearflow.connectors.postgres.RecordedActivityStore.Awd;
import io.wearflow.connectors.postgres.RecordedActivityStore.BackfillProgress;
import io.wearflow.connectors.postgres.RecordedActivityStore.DailyAwd;
import io.wearflow.connectors.postgres.RecordedActivityStore.ListFilter;
import io.wearflow.connectors.postgres.RecordedActivityStore.LongitudinalBest;
import io.wearflow.connectors.postgres.RecordedActivityStore.MeanMaxCurve;
import io.wearflow.connectors.postgres.RecordedActivityStore.Series;
import io.wearflow.http.controlplane.Unavailable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the recorded-activities reads need, scoped to one user; in production {@link
 * #of(RecordedActivityStore)} (see that store for each call's rules). Also carries the timing of
 * the {@code backfill-status} stream, so tests can run it in milliseconds.
 */
public interface RecordedActivities {

  List<RecordedActivity> list(long userId, ListFilter filter, long offset, int limit);

  long count(long userId, ListFilter filter);

  Optional<RecordedActivity> find(long userId, String activityId);

  Map<String, Series> series(long userId, String activityId, List<String> metrics);

  Optional<MeanMaxCurve> meanMax(long userId, String activityId, String metric);

  Optional<Awd> awd(long userId, String activityId, String metric);

  List<LongitudinalBest> longitudinalMeanMax(
      long userId,
      String metric,
      List<String> sports,
      LocalDate from,
      LocalDate to,
      List<Integer> durations);

  List<DailyAwd> dailyAwd(
      long userId, String metric, List<String> sports, LocalDate from, LocalDate to);

  List<ActivitySeries> longitudinalSeries(
      long userId, List<String> metrics, List<String> sports, LocalDate from, LocalDate to);

  BackfillProgress backfill(long userId);

  /** How often the backfill stream writes a line and when it stops (2 s and 60 s by default). */
  default BackfillTiming backfillTiming() {
    return BackfillTiming.DEFAULT;
  }

  /**
   * The backfill stream's timing.
   *
   * @param interval between two progress lines
   * @param limit the stream ends after this long even if not everything is loaded
   */
  record BackfillTiming(Duration interval, Duration limit) {

    public static final BackfillTiming DEFAULT =
        new BackfillTiming(Duration.ofSeconds(2), Duration.ofSeconds(60));

    public BackfillTiming {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(limit, "limit");
      if (interval.isNegative() || interval.isZero() || limit.isNegative()) {
        throw new IllegalArgumentException("backfill interval must be > 0 and limit >= 0");
      }
    }
  }

  static RecordedActivities of(RecordedActivityStore store) {
    return of(store, BackfillTiming.DEFAULT);
  }

  /** The reads of {@code store}, with the backfill stream timed by {@code timing} (tests). */
  static RecordedActivities of(RecordedActivityStore store, BackfillTiming timing) {
    return new RecordedActivities() {
      @Override
      public List<RecordedActivity> list(long userId, ListFilter filter, long offset, int limit) {
        return store.list(userId, filter, offset, limit);
      }

      @Override
      public long count(long userId, ListFilter filter) {
        return store.count(userId, filter);
      }

      @Override
      public Optional<RecordedActivity> find(long userId, String activityId) {
        return store.find(userId, activityId);
      }

      @Override
      public Map<String, Series> series(long userId, String activityId, List<String> metrics) {
        return store.series(userId, activityId, metrics);
      }

      @Override
      public Optional<MeanMaxCurve> meanMax(long userId, String activityId, String metric) {
        return store.meanMax(userId, activityId, metric);
      }

      @Override
      public Optional<Awd> awd(long userId, String activityId, String metric) {
        return store.awd(userId, activityId, metric);
      }

      @Override
      public List<LongitudinalBest> longitudinalMeanMax(
          long userId,
          String metric,
          List<String> sports,
          LocalDate from,
          LocalDate to,
          List<Integer> durations) {
        return store.longitudinalMeanMax(userId, metric, sports, from, to, durations);
      }

      @Override
      public List<DailyAwd> dailyAwd(
          long userId, String metric, List<String> sports, LocalDate from, LocalDate to) {
        return store.dailyAwd(userId, metric, sports, from, to);
      }

      @Override
      public List<ActivitySeries> longitudinalSeries(
          long userId, List<String> metrics, List<String> sports, LocalDate from, LocalDate to) {
        return store.longitudinalSeries(userId, metrics, sports, from, to);
      }

      @Override
      public BackfillProgress backfill(long userId) {
        return store.backfill(userId);
      }

      @Override
      public BackfillTiming backfillTiming() {
        return timing;
      }
    };
  }

  /** No database: every call fails as an unavailable database (503). */
  static RecordedActivities unavailable() {
    return Unavailable.proxy(RecordedActivities.class, "recorded activities");
  }
}
