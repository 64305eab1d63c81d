package io.wearflow.connectors.outbox;

import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.time.Instant;

/**
 * One row of {@code timeframe_outbox}: an upsert carries the whole definition, a delete only the
 * timeframe id (and the version it would have had).
 */
record OutboxEntry(
    long id,
    long timeframeId,
    boolean delete,
    long version,
    Long deviceId,
    Long athleteId,
    Long activityId,
    Long ownerId,
    Instant startTime,
    Instant endTime,
    String paramsJson) {

  /** The record key: the timeframe id as a decimal string. */
  String key() {
    return Long.toString(timeframeId);
  }

  /** The record value: the definition of an upsert; null (a tombstone) for a delete. */
  TimeframeDefinition value() {
    if (delete) {
      return null;
    }
    if (deviceId == null
        || athleteId == null
        || ownerId == null
        || startTime == null
        || endTime == null) {
      throw new IllegalStateException("outbox row " + id + " is an UPSERT without a definition");
    }
    return TimeframeDefinition.newBuilder()
        .setTimeframeId(timeframeId)
        .setVersion(version)
        .setDeviceId(deviceId)
        .setAthleteId(athleteId)
        .setActivityId(activityId)
        .setOwnerId(ownerId)
        .setStartTime(startTime)
        .setEndTime(endTime)
        .setParamsJson(paramsJson == null ? "{}" : paramsJson)
        .build();
  }
}
