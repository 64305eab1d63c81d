package io.wearflow.http;

import io.wearflow.connectors.postgres.ComputedData;
import io.wearflow.http.matches.ComputedDataReads;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timeframe job's results in memory, read joined with {@link InMemoryTimeframes} as the
 * PostgreSQL {@code ComputedDataStore} joins its table with {@code timeframes}. Tests write results
 * with {@link #put}, as the job would.
 */
final class InMemoryComputedData implements ComputedDataReads {

  private final InMemoryTimeframes timeframes;
  private final Map<Long, ComputedData> rows = new ConcurrentHashMap<>();

  InMemoryComputedData(InMemoryTimeframes timeframes) {
    this.timeframes = timeframes;
  }

  /** Writes the results of a timeframe, stamped {@code updatedAt}. */
  void put(long timeframeId, String json, boolean isFinal, Instant updatedAt) {
    rows.put(timeframeId, new ComputedData(timeframeId, 1, json, isFinal, updatedAt, updatedAt));
  }

  @Override
  public Map<Long, Optional<ComputedData>> latest(Collection<Long> timeframeIds) {
    Map<Long, Optional<ComputedData>> found = new HashMap<>();
    for (long id : timeframeIds) {
      if (timeframes.findById(id).isPresent()) {
        found.put(id, Optional.ofNullable(rows.get(id)));
      }
    }
    return found;
  }
}
