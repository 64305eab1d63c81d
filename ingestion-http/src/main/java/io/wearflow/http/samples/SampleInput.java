package io.wearflow.http.samples;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One sample of a validated {@code POST /api/v1.1/samples} request.
 *
 * @param deviceName device name as sent, never blank
 * @param deviceVersion device or firmware version, null when not sent
 * @param start interval start with the UTC offset it was recorded in
 * @param end interval end, equal to {@code start} when the sample is instantaneous; never before it
 * @param unit unit of {@code value}
 * @param value the measured value in {@code unit}, greater than 0 and within the unit's maximum
 */
public record SampleInput(
    String deviceName,
    String deviceVersion,
    OffsetDateTime start,
    OffsetDateTime end,
    SampleUnit unit,
    double value) {

  public SampleInput {
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(unit, "unit");
  }
}
