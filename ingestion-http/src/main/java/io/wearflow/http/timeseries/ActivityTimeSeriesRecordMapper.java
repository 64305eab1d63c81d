package io.wearflow.http.timeseries;

import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.samples.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated activity time series into {@code samples} records, one per point: the interval
 * {@code [t, t + 60 s)}, source {@value #SOURCE}, {@code device_name} = {@code recorder_type_key},
 * {@code device_id} = {@code recorder_identifier}, {@code data_type} and {@code unit} from the
 * series ({@code steps}/count, {@code distance}/m, {@code calories}/J). Epoch timestamps carry no
 * offset, so each point is stamped with the user's time zone in force at {@code t}: {@code
 * zone_id}, its DST-aware {@code zone_offset_seconds} at {@code t}, and {@code day_start_hour}.
 * Records come series by series (steps, distance, calories), points in request order, all with the
 * same {@code received_at}.
 */
public final class ActivityTimeSeriesRecordMapper {

  /** The {@code source} of points received through {@code /api/0.1/activity_timeseries/}. */
  public static final String SOURCE = "activity-timeseries-0.1";

  /** Every point covers one minute from its timestamp. */
  public static final Duration POINT_DURATION = Duration.ofMinutes(1);

  private final Clock clock;

  public ActivityTimeSeriesRecordMapper(Clock clock) {
    this.clock = clock;
  }

  public List<Sample> toRecords(
      long userId, ActivityTimeSeriesRequest request, DaySettings settings) {
    Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Sample> records = new ArrayList<>(request.pointCount());
    for (Map.Entry<SeriesType, List<TimeSeriesPoint>> series : request.series().entrySet()) {
      SeriesType type = series.getKey();
      for (TimeSeriesPoint point : series.getValue()) {
        Instant start = Instant.ofEpochSecond(point.epochSecond());
        ZoneId zone = settings.zoneAt(start);
        records.add(
            Sample.newBuilder()
                .setUserId(userId)
                .setSource(SOURCE)
                .setDeviceName(request.recorderTypeKey())
                .setDeviceVersion(null)
                .setDeviceId(request.recorderIdentifier())
                .setDataType(type.wireName())
                .setStartTime(start)
                .setEndTime(start.plus(POINT_DURATION))
                .setZoneOffsetSeconds(zone.getRules().getOffset(start).getTotalSeconds())
                .setZoneId(zone.getId())
                .setDayStartHour(settings.dayStartHourAt(start))
                .setUnit(type.unit())
                .setValue(point.value())
                .setReceivedAt(receivedAt)
                .build());
      }
    }
    return records;
  }
}
