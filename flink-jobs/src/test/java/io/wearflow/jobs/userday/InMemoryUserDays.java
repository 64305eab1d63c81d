package io.wearflow.jobs.userday;

import io.wearflow.jobs.userday.UserDayAccumulator.Change;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The user-day pipeline without Flink: bucketer plus one accumulator state per user-day. */
final class InMemoryUserDays {

  private final Map<UserDayKey, DayTotals> totals = new HashMap<>();
  private final Map<UserDayKey, ContributionStore> stores = new HashMap<>();

  /** Feeds {@code sample} to each of its days; returns what changed, in day order. */
  List<Change> accept(Sample sample) {
    List<Change> changes = new ArrayList<>();
    for (DayPortion portion : UserDayBucketer.split(sample)) {
      UserDayKey key = portion.key();
      UserDayAccumulator day =
          new UserDayAccumulator(
              key,
              totals.getOrDefault(key, DayTotals.EMPTY),
              stores.computeIfAbsent(key, k -> ContributionStore.inMemory()));
      changes.add(day.upsert(portion));
      totals.put(key, day.totals());
    }
    return changes;
  }

  /** Feeds every sample in order. */
  void acceptAll(Sample... samples) {
    for (Sample sample : samples) {
      accept(sample);
    }
  }

  /** The published day of user {@link TestSamples#USER} on {@code date} (ISO). */
  UserDay day(String date) {
    UserDayKey key = UserDayKey.of(TestSamples.USER, LocalDate.parse(date));
    return new UserDayAccumulator(key, totals.get(key), stores.get(key)).toUserDay();
  }
}
