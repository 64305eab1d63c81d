package io.wearflow.http;

import io.wearflow.connectors.postgres.ActivityFileStore.Registration;
import io.wearflow.connectors.postgres.NewActivityFile;
import io.wearflow.connectors.postgres.StoredActivityFile;
import io.wearflow.http.activities.upload.ActivityFiles;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code activity_files} in memory, with the store's semantics (first upload's row is kept). */
final class InMemoryActivityFiles implements ActivityFiles {

  /** One row. */
  static final class Row {
    final NewActivityFile file;
    volatile Instant publishedAt;
    volatile String appMetadata;

    Row(NewActivityFile file) {
      this.file = file;
    }
  }

  final Map<String, Row> rows = new ConcurrentHashMap<>();

  @Override
  public Registration register(NewActivityFile file) {
    Row existing = rows.putIfAbsent(file.activityId(), new Row(file));
    if (existing == null) {
      return Registration.NEW;
    }
    return existing.publishedAt == null ? Registration.UNPUBLISHED : Registration.PUBLISHED;
  }

  @Override
  public void markPublished(String activityId, Instant at) {
    rows.get(activityId).publishedAt = at;
  }

  @Override
  public Optional<StoredActivityFile> original(long userId, String activityId) {
    return owned(userId, activityId)
        .map(r -> new StoredActivityFile(r.file.fileName(), r.file.fileFormat(), r.file.content()));
  }

  @Override
  public Optional<String> putAppMetadata(long userId, String activityId, String json) {
    return owned(userId, activityId)
        .map(
            r -> {
              r.appMetadata = json;
              return json;
            });
  }

  @Override
  public boolean clearAppMetadata(long userId, String activityId) {
    Optional<Row> row = owned(userId, activityId);
    row.ifPresent(r -> r.appMetadata = null);
    return row.isPresent();
  }

  private Optional<Row> owned(long userId, String activityId) {
    return Optional.ofNullable(rows.get(activityId)).filter(r -> r.file.userId() == userId);
  }
}
