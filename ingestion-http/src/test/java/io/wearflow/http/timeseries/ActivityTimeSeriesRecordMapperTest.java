package io.wearflow.http.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.samples.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityTimeSeriesRecordMapperTest {

  private static final Instant NOW = Instant.parse("2024-04-01T10:15:30.123456789Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final ActivityTimeSeriesRecordMapper mapper =
      new ActivityTimeSeriesRecordMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eachPointBecomesAOneMinuteSampleOfTheRecorder() {
    ActivityTimeSeriesRequest request =
        request(
            Map.of(
                SeriesType.STEPS, List.of(new TimeSeriesPoint(1400781090, 20)),
                SeriesType.DISTANCE, List.of(new TimeSeriesPoint(1400781090, 14.5)),
                SeriesType.CALORIES, List.of(new TimeSeriesPoint(1400781150, 4200))));

    List<Sample> records = mapper.toRecords(42L, request, DaySettings.none());

    Sample steps = records.get(0);
    assertThat(steps.getUserId()).isEqualTo(42L);
    assertThat(steps.getSource()).isEqualTo("activity-timeseries-0.1");
    assertThat(steps.getDeviceName()).isEqualTo("test_model");
    assertThat(steps.getDeviceId()).isEqualTo("12345");
    assertThat(steps.getDeviceVersion()).isNull();
    assertThat(steps.getDataType()).isEqualTo("steps");
    assertThat(steps.getUnit()).isEqualTo("count");
    assertThat(steps.getValue()).isEqualTo(20.0);
    // 1400781090 is 2014-05-22T17:51:30Z.
    assertThat(steps.getStartTime()).isEqualTo(Instant.parse("2014-05-22T17:51:30Z"));
    assertThat(steps.getEndTime()).isEqualTo(Instant.parse("2014-05-22T17:52:30Z"));
    assertThat(steps.getReceivedAt()).isEqualTo(Instant.parse("2024-04-01T10:15:30.123Z"));
    assertThat(records)
        .extracting(Sample::getDataType, Sample::getUnit, Sample::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("steps", "count", 20.0),
            org.assertj.core.groups.Tuple.tuple("distance", "m", 14.5),
            org.assertj.core.groups.Tuple.tuple("calories", "J", 4200.0));
    assertThat(records.get(2).getStartTime()).isEqualTo(Instant.parse("2014-05-22T17:52:30Z"));
  }

  @Test
  void withoutSettingsPointsAreStampedUtcWithDaysFromMidnight() {
    List<Sample> records =
        mapper.toRecords(
            1L,
            request(Map.of(SeriesType.STEPS, List.of(new TimeSeriesPoint(1400781090, 20)))),
            DaySettings.none());

    assertThat(records.get(0).getZoneId()).isEqualTo("UTC");
    assertThat(records.get(0).getZoneOffsetSeconds()).isZero();
    assertThat(records.get(0).getDayStartHour()).isZero();
  }

  @Test
  void berlinPointsAroundTheSpringChangeGetTheOffsetInForceAtTheirStart() {
    DaySettings berlin =
        DaySettings.of(List.of(new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), BERLIN, 0)));
    long change = Instant.parse("2024-03-31T01:00:00Z").getEpochSecond();

    List<Sample> records =
        mapper.toRecords(
            1L,
            request(
                Map.of(
                    SeriesType.STEPS,
                    List.of(
                        new TimeSeriesPoint(change - 60, 10),
                        new TimeSeriesPoint(change, 11),
                        new TimeSeriesPoint(change + 60, 12)))),
            berlin);

    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsExactly(3600, 7200, 7200);
    assertThat(records).extracting(Sample::getZoneId).containsOnly("Europe/Berlin");
  }

  @Test
  void newYorkPointsAroundTheAutumnChangeGetTheOffsetInForceAtTheirStart() {
    DaySettings newYork =
        DaySettings.of(List.of(new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), NEW_YORK, 0)));
    long change = Instant.parse("2024-11-03T06:00:00Z").getEpochSecond();

    List<Sample> records =
        mapper.toRecords(
            1L,
            request(
                Map.of(
                    SeriesType.DISTANCE,
                    List.of(
                        new TimeSeriesPoint(change - 60, 10), new TimeSeriesPoint(change, 11)))),
            newYork);

    assertThat(records)
        .extracting(Sample::getZoneOffsetSeconds)
        .containsExactly(-4 * 3600, -5 * 3600);
    assertThat(records).extracting(Sample::getZoneId).containsOnly("America/New_York");
  }

  @Test
  void eachPointUsesTheSettingInForceAtItsOwnStart() {
    long move = Instant.parse("2024-07-01T10:00:00Z").getEpochSecond();
    DaySettings settings =
        DaySettings.of(
            List.of(
                new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), BERLIN, 0),
                new DaySetting(Instant.ofEpochSecond(move), NEW_YORK, 5)));

    List<Sample> records =
        mapper.toRecords(
            1L,
            request(
                Map.of(
                    SeriesType.CALORIES,
                    List.of(new TimeSeriesPoint(move - 60, 1), new TimeSeriesPoint(move, 2)))),
            settings);

    assertThat(records)
        .extracting(Sample::getZoneId)
        .containsExactly("Europe/Berlin", "America/New_York");
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsExactly(7200, -14400);
    assertThat(records).extracting(Sample::getDayStartHour).containsExactly(0, 5);
  }

  private static ActivityTimeSeriesRequest request(Map<SeriesType, List<TimeSeriesPoint>> series) {
    return new ActivityTimeSeriesRequest("test_model", "12345", new LinkedHashMap<>(series));
  }
}
