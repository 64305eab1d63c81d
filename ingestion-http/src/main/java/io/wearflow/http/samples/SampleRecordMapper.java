package io.wearflow.http.samples;

import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.samples.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns a validated samples request into the Avro records of the {@code samples} topic: the user
 * comes from the token, {@code source} is {@value #SOURCE}, {@code zone_offset_seconds} is the
 * offset of {@code start_date} (+04:00 is 14400; the client's offset defines the local day, so
 * {@code zone_id} stays null), {@code day_start_hour} is the user's setting in force at the start,
 * and every record of one request carries the same {@code received_at}, read from the clock once.
 * Instants are truncated to milliseconds, the precision of the Avro {@code timestamp-millis}
 * fields, so a record equals what readers decode.
 */
public final class SampleRecordMapper {

  /** The {@code source} of samples received through {@code POST /api/v1.1/samples}. */
  public static final String SOURCE = "samples-v1.1";

  private final Clock clock;

  public SampleRecordMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param settings the user's time-zone settings, for the day-start hour
   */
  public List<Sample> toRecords(long userId, SamplesRequest request, DaySettings settings) {
    Instant receivedAt = millis(clock.instant());
    return request.samples().stream()
        .map(sample -> toRecord(userId, request.dataType(), sample, settings, receivedAt))
        .toList();
  }

  private static Sample toRecord(
      long userId,
      DataType dataType,
      SampleInput sample,
      DaySettings settings,
      Instant receivedAt) {
    Instant start = sample.start().toInstant();
    return Sample.newBuilder()
        .setUserId(userId)
        .setSource(SOURCE)
        .setDeviceName(sample.deviceName())
        .setDeviceVersion(sample.deviceVersion())
        .setDataType(dataType.wireName())
        .setStartTime(millis(start))
        .setEndTime(millis(sample.end().toInstant()))
        .setZoneOffsetSeconds(sample.start().getOffset().getTotalSeconds())
        .setZoneId(null)
        .setDayStartHour(settings.dayStartHourAt(start))
        .setDeviceId(null)
        .setUnit(sample.unit().wireName())
        .setValue(sample.value())
        .setReceivedAt(receivedAt)
        .build();
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
