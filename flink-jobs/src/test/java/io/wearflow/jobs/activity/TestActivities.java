package io.wearflow.jobs.activity;

import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.LapBounds;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Instant;
import java.util.List;

/** Builders for activity records and metadata in tests. */
final class TestActivities {

  private TestActivities() {}

  static ActivityRecord.Builder record(String activityId, long userId, Instant timestamp) {
    return ActivityRecord.newBuilder()
        .setActivityId(activityId)
        .setUserId(userId)
        .setTimestamp(timestamp);
  }

  static UploadedActivity.Builder activity(
      String activityId, long userId, Instant start, Instant end, int recordCount) {
    return UploadedActivity.newBuilder()
        .setActivityId(activityId)
        .setUserId(userId)
        .setSport("cycling")
        .setSourceId("sha-" + activityId)
        .setFileFormat("csv")
        .setFileName(activityId + ".csv")
        .setStart(start)
        .setEnd(end)
        .setLocalOffsetSeconds(7200)
        .setRecordCount(recordCount)
        .setLaps(List.of())
        .setDevices(List.of("Test Head Unit"))
        .setUploadedAt(end.plusSeconds(60));
  }

  static LapBounds lap(Instant start, Instant end) {
    return LapBounds.newBuilder().setStart(start).setEnd(end).build();
  }
}
