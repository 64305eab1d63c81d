package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code timeframes}: one interval of one device worn by one athlete, whose metrics the
 * timeframe job computes.
 *
 * @param params the metrics' parameters, JSON object text
 * @param activityId the match it belongs to, or null
 * @param version raised by trigger on every change (of the row or of its activity)
 */
public record Timeframe(
    long id,
    Instant startTime,
    Instant endTime,
    String params,
    long deviceId,
    Long activityId,
    long athleteId,
    long ownerId,
    long jsonSchema,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Timeframe {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(params, "params");
  }

  /** The writable fields of this timeframe, e.g. to apply a partial update to. */
  public NewTimeframe toNew() {
    return new NewTimeframe(
        startTime, endTime, params, deviceId, activityId, athleteId, ownerId, jsonSchema);
  }
}
