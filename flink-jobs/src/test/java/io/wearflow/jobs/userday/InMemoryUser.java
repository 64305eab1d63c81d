package io.wearflow.jobs.userday;

import io.wearflow.jobs.userday.UserDayAccumulator.Change;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/** The user-day logic of user {@link TestSamples#USER} without Flink: state in maps. */
final class InMemoryUser implements DayStateStore {

  final Map<SampleIdentity, Contribution> contributions = new HashMap<>();
  final TreeMap<Long, DayState> days = new TreeMap<>();
  final UserDayAccumulator accumulator = new UserDayAccumulator(TestSamples.USER, this);

  /** The received_at watermark the next upserts see. */
  long watermark = Long.MIN_VALUE;

  /** Feeds the samples in order; returns what each did. */
  List<Change> accept(Sample... samples) {
    List<Change> changes = new ArrayList<>();
    for (Sample sample : samples) {
      changes.add(accumulator.upsert(sample, watermark));
    }
    return changes;
  }

  /** The day on {@code date} (ISO) as it would be published now. */
  UserDay day(String date) {
    long epochDay = LocalDate.parse(date).toEpochDay();
    DayState state = days.get(epochDay);
    if (state == null) {
      throw new AssertionError("no state for " + date);
    }
    return UserDayResults.toUserDay(TestSamples.USER, epochDay, state);
  }

  /** The dates that have state. */
  List<String> dates() {
    return days.keySet().stream().map(day -> LocalDate.ofEpochDay(day).toString()).toList();
  }

  @Override
  public Contribution contribution(SampleIdentity identity) {
    return contributions.get(identity);
  }

  @Override
  public void putContribution(SampleIdentity identity, Contribution contribution) {
    contributions.put(identity, contribution);
  }

  @Override
  public void removeContributionsIf(BiPredicate<SampleIdentity, Contribution> test) {
    contributions.entrySet().removeIf(entry -> test.test(entry.getKey(), entry.getValue()));
  }

  @Override
  public DayState day(long epochDay) {
    return days.get(epochDay);
  }

  @Override
  public DayState newDay(long epochDay) {
    DayState day = new DayState();
    days.put(epochDay, day);
    return day;
  }

  @Override
  public void putDay(long epochDay, DayState day) {
    days.put(epochDay, day);
  }

  @Override
  public void removeDay(long epochDay) {
    days.remove(epochDay);
  }

  @Override
  public void forEachDay(BiConsumer<Long, DayState> action) {
    days.forEach(action);
  }
}
