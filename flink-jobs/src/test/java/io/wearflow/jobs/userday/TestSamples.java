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
    return sample(SampleRules.STEPS, "count", start, end, count);
  }

  /** A heart-rate sample in count/min of user {@link #USER} from an iPhone. */
  static Sample.Builder bpm(String start, String end, double beatsPerMinute) {
    return sample(SampleRules.BPM, "count/min", start, end, beatsPerMinute);
  }

  /** An instantaneous heart-rate sample. */
  static Sample.Builder bpm(String at, double beatsPerMinute) {
    return bpm(at, at, beatsPerMinute);
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
        .setDataType(dataType)
        .setStartTime(from.toInstant())
        .setEndTime(to.toInstant())
        .setZoneOffsetSeconds(from.getOffset().getTotalSeconds())
        .setUnit(unit)
        .setValue(value)
        .setReceivedAt(RECEIVED);
  }
}
