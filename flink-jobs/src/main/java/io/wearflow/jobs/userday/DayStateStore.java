package io.wearflow.jobs.userday;

import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * The state of one user as {@link UserDayAccumulator} reads and writes it: the current {@link
 * Contribution} of each measurement and the {@link DayState} of each local day. In the job it is
 * keyed Flink state (creating a day also schedules its release); in tests, maps.
 */
public interface DayStateStore {

  /** The current value of {@code identity}, or null when the user has none. */
  Contribution contribution(SampleIdentity identity);

  /** Stores {@code contribution} as the current value of {@code identity}. */
  void putContribution(SampleIdentity identity, Contribution contribution);

  /** Removes every contribution {@code test} accepts. */
  void removeContributionsIf(BiPredicate<SampleIdentity, Contribution> test);

  /** The state of local day {@code epochDay}, or null when the user has none. */
  DayState day(long epochDay);

  /** Creates and stores an empty state for {@code epochDay}, which has none. */
  DayState newDay(long epochDay);

  /** Stores {@code day} back after changing it. */
  void putDay(long epochDay, DayState day);

  /** Forgets the state of {@code epochDay}. */
  void removeDay(long epochDay);

  /** Visits every day of the user. */
  void forEachDay(BiConsumer<Long, DayState> action);
}
