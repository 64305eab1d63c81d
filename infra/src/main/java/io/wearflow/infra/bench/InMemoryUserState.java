package io.wearflow.infra.bench;

import io.wearflow.jobs.userday.Contribution;
import io.wearflow.jobs.userday.DayState;
import io.wearflow.jobs.userday.DayStateStore;
import io.wearflow.jobs.userday.SampleIdentity;
import io.wearflow.jobs.userday.UserDayAccumulator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * One user's user-day state in plain maps, for running the job's own logic ({@link
 * UserDayAccumulator}) without Flink: the ceiling of the user-day benchmark and the rows of the
 * read benchmark.
 */
final class InMemoryUserState implements DayStateStore {

  private final Map<SampleIdentity, Contribution> contributions = new HashMap<>();
  private final TreeMap<Long, DayState> days = new TreeMap<>();
  final UserDayAccumulator accumulator;

  InMemoryUserState(long userId) {
    this.accumulator = new UserDayAccumulator(userId, this);
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
