package io.wearflow.connectors.postgres;

import java.time.Instant;
import java.util.List;

/**
 * A recorded activity as the read endpoints show it: the activity job's result ({@code
 * recorded_activities}) joined with the athlete's own data on the uploaded file ({@code
 * activity_files}). JSON members are the stored documents, unparsed.
 *
 * @param metrics recorded metrics' wire names, {@code duration} first
 * @param summaryJson the ActivitySummarySummary document, or null
 * @param lapsJson the Lap array document, or null when the file marks no laps
 * @param distance total distance in metres, or null when not recorded
 * @param qualityJson the spike guard's report per metric ({@code {"power": {"removed": 1, ...}}})
 * @param appMetadataJson the client's app_metadata object, or null
 */
public record RecordedActivity(
    String id,
    long userId,
    String sport,
    String sourceId,
    Instant start,
    Instant end,
    int localOffsetSeconds,
    List<String> metrics,
    String summaryJson,
    String lapsJson,
    List<String> devices,
    Double distance,
    String qualityJson,
    List<String> tags,
    String appMetadataJson) {

  public RecordedActivity {
    metrics = List.copyOf(metrics);
    devices = List.copyOf(devices);
    tags = List.copyOf(tags);
  }
}
