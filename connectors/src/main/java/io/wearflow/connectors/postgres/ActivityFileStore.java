package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The edge's side of {@code activity_files} (V8): one row per uploaded file, keyed by the activity
 * id derived from (user, SHA-256), so the same file uploaded twice is one row. A row is inserted
 * before the activity is published to Kafka and marked {@code published_at} once Kafka acknowledged
 * everything; a row without it is published again on the next upload of the file. Every read and
 * write of an existing activity is scoped to its user, so another user's activity is simply not
 * found.
 */
public final class ActivityFileStore {

  /** What {@link #register} found: whether the activity still has to be published. */
  public enum Registration {
    /** The row was inserted now: publish. */
    NEW,
    /** The row existed but was never marked published (an earlier upload failed): publish. */
    UNPUBLISHED,
    /** The row exists and its activity was published: a duplicate, publish nothing. */
    PUBLISHED;

    /** True when the activity has to be published (again). */
    public boolean needsPublishing() {
      return this != PUBLISHED;
    }
  }

  private final DataSource dataSource;

  public ActivityFileStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Inserts the file's row unless it exists ({@code ON CONFLICT DO NOTHING}: an existing row, with
   * its tags and app metadata, is left as it is).
   */
  public Registration register(NewActivityFile file) {
    int inserted =
        Statements.update(
            dataSource,
            "INSERT INTO activity_files (activity_id, user_id, sha256, file_name, file_format,"
                + " content, sport, start_time, end_time, local_offset_seconds, record_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            Arrays.asList(
                file.activityId(),
                file.userId(),
                file.sha256(),
                file.fileName(),
                file.fileFormat(),
                file.content(),
                file.sport(),
                file.start(),
                file.end(),
                file.localOffsetSeconds(),
                file.recordCount()),
            "store activity file " + file.activityId());
    if (inserted > 0) {
      return Registration.NEW;
    }
    List<Boolean> published =
        Statements.query(
            dataSource,
            "SELECT published_at IS NOT NULL FROM activity_files WHERE user_id = ? AND sha256 = ?",
            List.of(file.userId(), file.sha256()),
            row -> row.getBoolean(1),
            "read activity file " + file.activityId());
    if (published.isEmpty()) {
      throw new StoreException(
          "activity file " + file.activityId() + " neither inserted nor found",
          new IllegalStateException("concurrent delete"));
    }
    return published.get(0) ? Registration.PUBLISHED : Registration.UNPUBLISHED;
  }

  /**
   * Marks the activity as published (Kafka acknowledged its records and metadata) at {@code at}.
   */
  public void markPublished(String activityId, Instant at) {
    Statements.update(
        dataSource,
        "UPDATE activity_files SET published_at = ? WHERE activity_id = ?",
        List.of(at, activityId),
        "mark activity " + activityId + " published");
  }

  /** When the activity was marked published; empty if unknown or never published. */
  public Optional<Instant> publishedAt(long userId, String activityId) {
    return Statements.query(
            dataSource,
            "SELECT published_at FROM activity_files WHERE activity_id = ? AND user_id = ?",
            List.of(activityId, userId),
            row -> Statements.instant(row, "published_at"),
            "read activity " + activityId)
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** The original file of the user's activity; empty if unknown or another user's. */
  public Optional<StoredActivityFile> original(long userId, String activityId) {
    return Statements.query(
            dataSource,
            "SELECT file_name, file_format, content FROM activity_files"
                + " WHERE activity_id = ? AND user_id = ?",
            List.of(activityId, userId),
            row ->
                new StoredActivityFile(
                    row.getString("file_name"),
                    row.getString("file_format"),
                    row.getBytes("content")),
            "read activity file " + activityId)
        .stream()
        .findFirst();
  }

  /**
   * Replaces the app metadata of the user's activity with {@code json} (a JSON object).
   *
   * @return the stored document as PostgreSQL normalised it; empty if unknown or another user's
   */
  public Optional<String> putAppMetadata(long userId, String activityId, String json) {
    return Statements.query(
            dataSource,
            "UPDATE activity_files SET app_metadata = ?::jsonb"
                + " WHERE activity_id = ? AND user_id = ? RETURNING app_metadata::text",
            List.of(json, activityId, userId),
            row -> row.getString(1),
            "store app metadata of activity " + activityId)
        .stream()
        .findFirst();
  }

  /** The app metadata of the user's activity (JSON text); empty if none, unknown or not his. */
  public Optional<String> appMetadata(long userId, String activityId) {
    return Statements.query(
            dataSource,
            "SELECT app_metadata::text FROM activity_files WHERE activity_id = ? AND user_id = ?",
            List.of(activityId, userId),
            row -> row.getString(1),
            "read app metadata of activity " + activityId)
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /**
   * Clears the app metadata of the user's activity.
   *
   * @return false if the user has no such activity
   */
  public boolean clearAppMetadata(long userId, String activityId) {
    return Statements.update(
            dataSource,
            "UPDATE activity_files SET app_metadata = NULL WHERE activity_id = ? AND user_id = ?",
            List.of(activityId, userId),
            "clear app metadata of activity " + activityId)
        > 0;
  }
}
