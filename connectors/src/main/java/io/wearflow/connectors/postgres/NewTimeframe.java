package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * The writable fields of a timeframe (a create, or the whole replacement of an update).
 *
 * @param params JSON object text
 * @param activityId null when the timeframe belongs to no activity
 */
public record NewTimeframe(
    Instant startTime,
    Instant endTime,
    String params,
    long deviceId,
    Long activityId,
    long athleteId,
    long ownerId,
    long jsonSchema) {

  public NewTimeframe {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(params, "params");
    if (endTime.isBefore(startTime)) {
      throw new IllegalArgumentException("timeframe ends " + endTime + " before " + startTime);
    }
  }
}
