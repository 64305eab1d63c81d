package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Objects;

/**
 * An uploaded activity file as the edge stores it in {@code activity_files} (see {@link
 * ActivityFileStore}).
 *
 * @param activityId UUID derived from (user id, SHA-256 of the file)
 * @param userId account id of the athlete
 * @param sha256 SHA-256 of {@code content}, lower-case hex
 * @param fileName the uploaded file's name
 * @param fileFormat {@code fit} or {@code csv}
 * @param content the file's bytes, exactly as uploaded
 * @param sport API name of the sport
 * @param start timestamp of the first record
 * @param end timestamp of the last record
 * @param localOffsetSeconds the athlete's local time minus UTC at the start, s
 * @param recordCount records (distinct timestamps) published for the activity
 */
public record NewActivityFile(
    String activityId,
    long userId,
    String sha256,
    String fileName,
    String fileFormat,
    byte[] content,
    String sport,
    Instant start,
    Instant end,
    int localOffsetSeconds,
    int recordCount) {

  public NewActivityFile {
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(fileFormat, "fileFormat");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
