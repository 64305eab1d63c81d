package io.wearflow.http.matches;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.wearflow.connectors.postgres.DeviceSummary;
import io.wearflow.connectors.postgres.Timeframe;
import java.time.Instant;

/**
 * A timeframe as the reference shows it: {@code {id, start_time, end_time, params, device,
 * activity, athlete, owner, json_schema}}, times in UTC. {@code device}, {@code activity} and
 * {@code athlete} are ids, or the embedded objects when the request asked {@code with_device},
 * {@code with_activity}, {@code with_athlete}.
 */
record TimeframeView(
    long id,
    @JsonProperty("start_time") Instant startTime,
    @JsonProperty("end_time") Instant endTime,
    @JsonRawValue String params,
    Object device,
    Object activity,
    Object athlete,
    long owner,
    @JsonProperty("json_schema") long jsonSchema) {

  /** The view with ids only. */
  static TimeframeView of(Timeframe t) {
    return new TimeframeView(
        t.id(),
        t.startTime(),
        t.endTime(),
        t.params(),
        t.deviceId(),
        t.activityId(),
        t.athleteId(),
        t.ownerId(),
        t.jsonSchema());
  }

  TimeframeView withDevice(Object device) {
    return new TimeframeView(
        id, startTime, endTime, params, device, activity, athlete, owner, jsonSchema);
  }

  TimeframeView withActivity(Object activity) {
    return new TimeframeView(
        id, startTime, endTime, params, device, activity, athlete, owner, jsonSchema);
  }

  TimeframeView withAthlete(Object athlete) {
    return new TimeframeView(
        id, startTime, endTime, params, device, activity, athlete, owner, jsonSchema);
  }

  /** An embedded device ({@code with_device=true}). */
  record DeviceView(
      long id,
      String name,
      @JsonProperty("external_id") String externalId,
      String model,
      long owner) {

    static DeviceView of(DeviceSummary device) {
      return new DeviceView(
          device.id(), device.name(), device.externalId(), device.model(), device.ownerId());
    }
  }

  /** An embedded athlete ({@code with_athlete=true}). */
  record AthleteView(long id, String username, @JsonProperty("external_id") String externalId) {}
}
