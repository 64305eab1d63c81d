package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code timeframe_computed_data}: the latest metrics of a timeframe, as the timeframe job
 * wrote them.
 *
 * @param data the reference's computed-data object, JSON text
 * @param timeframeVersion the timeframe version they were computed for
 * @param isFinal computed after the timeframe's end from every frame received
 * @param updatedAt when the row was last written (the change marker streams compare)
 */
public record ComputedData(
    long timeframeId,
    long timeframeVersion,
    String data,
    boolean isFinal,
    Instant computedAt,
    Instant updatedAt) {

  public ComputedData {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
