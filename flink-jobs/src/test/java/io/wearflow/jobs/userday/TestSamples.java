package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Samples as the edge would publish them, written with ISO-8601 times in their own offset. */
final class TestSamples {

  static final long USER = 42;
  static final Instant RECEIVED = Instant.parse("2023-11-03T10:00:00Z");

  private TestSamples() {}

  /** A steps sample of user {@link #USER} from an iPhone; times like 2023-11-01T23:30+04:00. */
  static Sample.Builder steps(String start, String end, double count) {
    return sample("steps", "count", start, end, count);
  }

  /** A heart-rate sample in count/min of user {@link #USER} from an iPhone. */
  static Sample.Builder bpm(String start, String end, double beatsPerMinute) {
    return sample("bpm", "count/min", start, end, beatsPerMinute);
  }

  /** An instantaneous heart-rate sample. */
  static Sample.Builder bpm(String at, double beatsPerMinute) {
    return bpm(at, at, beatsPerMinute);
  }

  /** A distance sample in metres. */
  static Sample.Builder distance(String start, String end, double metres) {
    return sample("distance", "m", start, end, metres);
  }

  /** An energy sample in joules. */
  static Sample.Builder calories(String start, String end, double joules) {
    return sample("calories", "J", start, end, joules);
  }

  static Sample.Builder sample(
      String dataType, String unit, String start, String end, double value) {
    OffsetDateTime from = OffsetDateTime.parse(start);
    OffsetDateTime to = OffsetDateTime.parse(end);
    return Sample.newBuilder()
        .setUserId(USER)
        .setSource("samples-v1.1")
        .setDeviceName("iPhone")
        .setDeviceVersion("17.0.3")
        .setDeviceId(null)
        .setDataType(dataType)
        .setStartTime(from.toInstant())
        .setEndTime(to.toInstant())
        .setZoneOffsetSeconds(from.getOffset().getTotalSeconds())
        .setZoneId(null)
        .setDayStartHour(0)
        .setUnit(unit)
        .setValue(value)
        .setReceivedAt(RECEIVED);
  }
}
