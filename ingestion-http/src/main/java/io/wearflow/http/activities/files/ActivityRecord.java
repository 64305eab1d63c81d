package io.wearflow.http.activities.files;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of an uploaded activity file, FIT or CSV alike: a timestamp and the metrics the record
 * carries ({@code null} when it has none).
 *
 * @param power W
 * @param heartRate bpm
 * @param speed m/s
 * @param cadence rpm (FIT running cadence is strides per minute, as the file stores it)
 * @param altitude m
 * @param distance m, cumulative from the start of the activity
 * @param temperature °C
 * @param coreTemperature °C
 * @param smo2 muscle oxygen saturation, %
 */
public record ActivityRecord(
    Instant timestamp,
    Double power,
    Double heartRate,
    Double speed,
    Double cadence,
    Double altitude,
    Double distance,
    Double temperature,
    Double coreTemperature,
    Double smo2) {

  public ActivityRecord {
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
