package io.wearflow.http.samples;

import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.samples.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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
    List<Sample> records = new ArrayList<>(request.samples().size());
    for (SampleInput sample : request.samples()) {
      records.add(toRecord(userId, request.dataType(), sample, settings, receivedAt));
    }
    return Collections.unmodifiableList(records);
  }

  private static Sample toRecord(
      long userId,
      DataType dataType,
      SampleInput sample,
      DaySettings settings,
      Instant receivedAt) {
    Instant start = sample.start().toInstant();
    // The all-fields constructor, in schema order: the builder's per-field checks and flags cost
    // more than the rest of the mapping, and every value here is known to be valid.
    return new Sample(
        userId,
        SOURCE,
        sample.deviceName(),
        sample.deviceVersion(),
        dataType.wireName(),
        millis(start),
        millis(sample.end().toInstant()),
        sample.start().getOffset().getTotalSeconds(),
        sample.unit().wireName(),
        sample.value(),
        receivedAt,
        null, // device_id
        null, // zone_id: the client's offset defines the day
        settings.dayStartHourAt(start));
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
