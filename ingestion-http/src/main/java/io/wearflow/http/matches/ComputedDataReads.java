package io.wearflow.http.matches;

import io.wearflow.connectors.postgres.ComputedData;
import io.wearflow.connectors.postgres.ComputedDataStore;
import io.wearflow.http.controlplane.Unavailable;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the timeframe job's results; in production {@link #of(ComputedDataStore)}. A port so
 * that handler and stream tests run without a database.
 */
@FunctionalInterface
public interface ComputedDataReads {

  /**
   * The latest computed data of each timeframe of {@code timeframeIds} that exists: empty when
   * nothing is computed yet; no entry for a timeframe that does not exist (any more).
   */
  Map<Long, Optional<ComputedData>> latest(Collection<Long> timeframeIds);

  static ComputedDataReads of(ComputedDataStore store) {
    return store::latest;
  }

  /** No computed-data table: every call fails as an unavailable database (503). */
  static ComputedDataReads unavailable() {
    return Unavailable.proxy(ComputedDataReads.class, "computed data");
  }
}
