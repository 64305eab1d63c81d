package io.wearflow.jobs.userday;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The contributions of one user-day by sample identity. In the job it is keyed Flink state; in
 * tests a map ({@link #inMemory()}).
 */
public interface ContributionStore {

  /** The stored contribution of {@code identity}, or null when the day has not seen it. */
  Contribution get(SampleIdentity identity);

  /** Stores {@code contribution} as the current one of {@code identity}. */
  void put(SampleIdentity identity, Contribution contribution);

  /** Visits every stored contribution (only needed after a correction, see UserDayAccumulator). */
  void forEach(BiConsumer<SampleIdentity, Contribution> action);

  /** A store backed by a {@link HashMap}. */
  static ContributionStore inMemory() {
    Map<SampleIdentity, Contribution> map = new HashMap<>();
    return new ContributionStore() {
      @Override
      public Contribution get(SampleIdentity identity) {
        return map.get(identity);
      }

      @Override
      public void put(SampleIdentity identity, Contribution contribution) {
        map.put(identity, contribution);
      }

      @Override
      public void forEach(BiConsumer<SampleIdentity, Contribution> action) {
        map.forEach(action);
      }
    };
  }
}
