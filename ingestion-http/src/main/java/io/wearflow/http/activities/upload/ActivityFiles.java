package io.wearflow.http.activities.upload;

import io.wearflow.connectors.postgres.ActivityFileStore;
import io.wearflow.connectors.postgres.ActivityFileStore.Registration;
import io.wearflow.connectors.postgres.NewActivityFile;
import io.wearflow.connectors.postgres.StoredActivityFile;
import io.wearflow.http.controlplane.Unavailable;
import java.time.Instant;
import java.util.Optional;

/**
 * The uploaded activity files the edge keeps ({@code activity_files}); in production {@link
 * #of(ActivityFileStore)}, which documents each call. A port so that handler tests run without a
 * database. Reads and writes of an existing activity are scoped to its user.
 */
public interface ActivityFiles {

  Registration register(NewActivityFile file);

  void markPublished(String activityId, Instant at);

  Optional<StoredActivityFile> original(long userId, String activityId);

  /** The stored JSON object (as the store normalised it); empty if not the user's activity. */
  Optional<String> putAppMetadata(long userId, String activityId, String json);

  /** False if not the user's activity. */
  boolean clearAppMetadata(long userId, String activityId);

  static ActivityFiles of(ActivityFileStore store) {
    return new ActivityFiles() {
      @Override
      public Registration register(NewActivityFile file) {
        return store.register(file);
      }

      @Override
      public void markPublished(String activityId, Instant at) {
        store.markPublished(activityId, at);
      }

      @Override
      public Optional<StoredActivityFile> original(long userId, String activityId) {
        return store.original(userId, activityId);
      }

      @Override
      public Optional<String> putAppMetadata(long userId, String activityId, String json) {
        return store.putAppMetadata(userId, activityId, json);
      }

      @Override
      public boolean clearAppMetadata(long userId, String activityId) {
        return store.clearAppMetadata(userId, activityId);
      }
    };
  }

  /** No table: every call fails as an unavailable database (503). */
  static ActivityFiles unavailable() {
    return Unavailable.proxy(ActivityFiles.class, "activity files");
  }
}
