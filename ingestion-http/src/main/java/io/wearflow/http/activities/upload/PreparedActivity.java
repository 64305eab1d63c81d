package io.wearflow.http.activities.upload;

import io.wearflow.connectors.postgres.NewActivityFile;
import io.wearflow.http.activities.files.ActivityRecord;
import io.wearflow.http.activities.files.Lap;
import io.wearflow.http.activities.files.ParsedActivity;
import io.wearflow.http.timezone.DaySettings;
import io.wearflow.schemas.activities.LapBounds;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One uploaded file ready to be stored and published: its identity ({@link ActivityIds}), its
 * records one per millisecond ({@link DistinctRecords}) and the athlete's local offset at the start
 * (the file's own, else the user's profile time zone at the start, else UTC), and its Avro and
 * table forms.
 *
 * @param records distinct by timestamp, in timestamp order, at least one
 */
public record PreparedActivity(
    String activityId,
    long userId,
    String sha256,
    String fileName,
    byte[] content,
    ParsedActivity parsed,
    List<ActivityRecord> records,
    ZoneOffset localOffset) {

  public static PreparedActivity of(
      long userId, String fileName, byte[] content, ParsedActivity parsed, DaySettings settings) {
    String sha256 = ActivityIds.sha256Hex(content);
    List<ActivityRecord> records = DistinctRecords.of(parsed.records());
    ZoneOffset offset =
        parsed.localOffset() != null
            ? parsed.localOffset()
            : settings.offsetAt(records.get(0).timestamp());
    return new PreparedActivity(
        ActivityIds.activityId(userId, sha256),
        userId,
        sha256,
        fileName,
        content,
        parsed,
        List.copyOf(records),
        offset);
  }

  public Instant start() {
    return records.get(0).timestamp();
  }

  public Instant end() {
    return records.get(records.size() - 1).timestamp();
  }

  public String sport() {
    return parsed.sport().wireName();
  }

  public String fileFormat() {
    return parsed.format().name().toLowerCase(Locale.ROOT);
  }

  /** The row of {@code activity_files}. */
  public NewActivityFile toFile() {
    return new NewActivityFile(
        activityId,
        userId,
        sha256,
        fileName,
        fileFormat(),
        content,
        sport(),
        start(),
        end(),
        localOffset.getTotalSeconds(),
        records.size());
  }

  /** The records for {@code activity-records}, in timestamp order. */
  public List<io.wearflow.schemas.activities.ActivityRecord> toAvroRecords() {
    return records.stream()
        .map(
            r ->
                new io.wearflow.schemas.activities.ActivityRecord(
                    activityId,
                    userId,
                    r.timestamp(),
                    r.power(),
                    r.heartRate(),
                    r.speed(),
                    r.cadence(),
                    r.altitude(),
                    r.distance(),
                    r.temperature(),
                    r.coreTemperature(),
                    r.smo2()))
        .toList();
  }

  /** The metadata for {@code activities}, published after every record was acknowledged. */
  public UploadedActivity toUploadedActivity(Instant uploadedAt) {
    return UploadedActivity.newBuilder()
        .setActivityId(activityId)
        .setUserId(userId)
        .setSport(sport())
        .setSourceId(sha256)
        .setFileFormat(fileFormat())
        .setFileName(fileName)
        .setStart(start())
        .setEnd(end())
        .setLocalOffsetSeconds(localOffset.getTotalSeconds())
        .setRecordCount(records.size())
        .setLaps(parsed.laps().stream().map(PreparedActivity::bounds).toList())
        .setDevices(parsed.devices())
        .setUploadedAt(Instant.ofEpochMilli(uploadedAt.toEpochMilli()))
        .build();
  }

  private static LapBounds bounds(Lap lap) {
    return new LapBounds(
        Instant.ofEpochMilli(lap.start().toEpochMilli()),
        Instant.ofEpochMilli(lap.end().toEpochMilli()));
  }
}
