package io.wearflow.http.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.samples.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRecordMapperTest {

  private static final Instant NOW = Instant.parse("2023-11-02T10:15:30.123456789Z");

  private final SampleRecordMapper mapper =
      new SampleRecordMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void stepsSampleBecomesARecordOfTheTokenUser() {
    OffsetDateTime start = OffsetDateTime.parse("2023-11-01T08:04:51.000+04:00");
    OffsetDateTime end = OffsetDateTime.parse("2023-11-01T08:04:58.000+04:00");
    SamplesRequest request =
        new SamplesRequest(
            DataType.STEPS,
            List.of(new SampleInput("iPhone", "17.0.3", start, end, SampleUnit.COUNT, 14)));

    Sample record = mapper.toRecords(42L, request, DaySettings.none()).get(0);

    assertThat(record.getUserId()).isEqualTo(42L);
    assertThat(record.getSource()).isEqualTo("samples-v1.1");
    assertThat(record.getDeviceName()).isEqualTo("iPhone");
    assertThat(record.getDeviceVersion()).isEqualTo("17.0.3");
    assertThat(record.getDataType()).isEqualTo("steps");
    // 08:04:51 at +04:00 is 04:04:51 UTC.
    assertThat(record.getStartTime()).isEqualTo(Instant.parse("2023-11-01T04:04:51Z"));
    assertThat(record.getEndTime()).isEqualTo(Instant.parse("2023-11-01T04:04:58Z"));
    assertThat(record.getZoneOffsetSeconds()).isEqualTo(4 * 3600);
    assertThat(record.getUnit()).isEqualTo("count");
    assertThat(record.getValue()).isEqualTo(14.0);
    assertThat(record.getReceivedAt()).isEqualTo(Instant.parse("2023-11-02T10:15:30.123Z"));
  }

  @Test
  void offsetComesFromTheStartAndNegativeOffsetsAreKept() {
    OffsetDateTime start = OffsetDateTime.parse("2023-11-01T23:30:00-09:30");
    OffsetDateTime end = OffsetDateTime.parse("2023-11-02T09:00:00Z");
    SamplesRequest request =
        new SamplesRequest(
            DataType.BPM,
            List.of(new SampleInput("Watch", null, start, end, SampleUnit.COUNT_PER_MINUTE, 61.5)));

    Sample record = mapper.toRecords(7L, request, DaySettings.none()).get(0);

    assertThat(record.getZoneOffsetSeconds()).isEqualTo(-(9 * 3600 + 30 * 60));
    assertThat(record.getStartTime()).isEqualTo(Instant.parse("2023-11-02T09:00:00Z"));
    assertThat(record.getEndTime()).isEqualTo(record.getStartTime());
    assertThat(record.getDeviceVersion()).isNull();
    assertThat(record.getDataType()).isEqualTo("bpm");
    assertThat(record.getUnit()).isEqualTo("count/min");
    assertThat(record.getValue()).isEqualTo(61.5);
  }

  @Test
  void instantsAreTruncatedToTheMillisecondsAvroKeeps() {
    OffsetDateTime start = OffsetDateTime.parse("2023-11-01T08:04:51.123999+04:00");
    SamplesRequest request =
        new SamplesRequest(
            DataType.STEPS,
            List.of(new SampleInput("iPhone", null, start, start, SampleUnit.COUNT, 3)));

    Sample record = mapper.toRecords(1L, request, DaySettings.none()).get(0);

    assertThat(record.getStartTime()).isEqualTo(Instant.parse("2023-11-01T04:04:51.123Z"));
  }

  @Test
  void everyRecordOfARequestSharesOneReceptionTimeAndKeepsItsOrder() {
    OffsetDateTime t = OffsetDateTime.parse("2023-11-01T08:00:00+01:00");
    SamplesRequest request =
        new SamplesRequest(
            DataType.STEPS,
            List.of(
                new SampleInput("a", null, t, t, SampleUnit.COUNT, 1),
                new SampleInput("b", null, t.plusMinutes(1), t.plusMinutes(1), SampleUnit.COUNT, 2),
                new SampleInput(
                    "c", null, t.plusMinutes(2), t.plusMinutes(2), SampleUnit.COUNT, 3)));

    List<Sample> records = mapper.toRecords(9L, request, DaySettings.none());

    assertThat(records).extracting(Sample::getDeviceName).containsExactly("a", "b", "c");
    assertThat(records)
        .extracting(Sample::getReceivedAt)
        .containsOnly(Instant.parse("2023-11-02T10:15:30.123Z"));
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsOnly(3600);
  }

  @Test
  void clientOffsetIsKeptAndDayStartHourComesFromTheSettingInForceAtTheStart() {
    DaySettings settings =
        DaySettings.of(
            List.of(
                new DaySetting(Instant.parse("2023-10-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"), 3),
                new DaySetting(
                    Instant.parse("2023-11-01T04:00:00Z"), ZoneId.of("Europe/Berlin"), 5)));
    OffsetDateTime before = OffsetDateTime.parse("2023-11-01T07:59:59.999+04:00");
    OffsetDateTime at = OffsetDateTime.parse("2023-11-01T08:00:00+04:00");
    SamplesRequest request =
        new SamplesRequest(
            DataType.STEPS,
            List.of(
                new SampleInput("iPhone", null, before, before, SampleUnit.COUNT, 1),
                new SampleInput("iPhone", null, at, at, SampleUnit.COUNT, 2)));

    List<Sample> records = mapper.toRecords(5L, request, settings);

    assertThat(records).extracting(Sample::getDayStartHour).containsExactly(3, 5);
    // The client's own offset defines the local day: neither Tokyo's nor Berlin's offset.
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsOnly(4 * 3600);
    assertThat(records).extracting(Sample::getZoneId).containsOnly((String) null);
    assertThat(records).extracting(Sample::getDeviceId).containsOnly((String) null);
  }

  @Test
  void withoutSettingsDaysStartAtMidnight() {
    OffsetDateTime t = OffsetDateTime.parse("2023-11-01T08:00:00+01:00");
    SamplesRequest request =
        new SamplesRequest(
            DataType.STEPS, List.of(new SampleInput("a", null, t, t, SampleUnit.COUNT, 1)));

    assertThat(mapper.toRecords(9L, request, DaySettings.none()).get(0).getDayStartHour()).isZero();
  }
}
