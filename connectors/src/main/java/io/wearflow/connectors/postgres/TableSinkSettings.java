package io.wearflow.connectors.postgres;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a table sink writes and how much it buffers, checked once for every table sink.
 *
 * @param postgres the database
 * @param maxBufferedRows distinct keys buffered before an upsert (at least 1)
 * @param flushInterval longest time a buffered row waits (positive)
 */
record TableSinkSettings(PostgresConfig postgres, int maxBufferedRows, Duration flushInterval)
    implements Serializable {

  TableSinkSettings {
    Objects.requireNonNull(postgres, "postgres");
    if (maxBufferedRows < 1) {
      throw new IllegalArgumentException("maxBufferedRows must be at least 1: " + maxBufferedRows);
    }
    if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
    }
  }
}
