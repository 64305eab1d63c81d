package io.wearflow.schemas;

import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.util.List;

/** The catalogue of wearflow's topics: one place pairs each topic with its key and value type. */
public final class Topics {

  /** Accepted measurements, keyed by user id so that a user's samples stay in order. */
  public static final Topic<Sample> SAMPLES = new Topic<>("samples", "user id", Sample.class);

  /**
   * Session upserts, keyed by {@code <user id>/<session id>} so that compaction keeps each
   * session's latest version.
   */
  public static final Topic<Session> SESSIONS =
      new Topic<>("sessions", "user id/session id", Session.class, true);

  /** Live tracking frames, keyed by device id so that a device's frames stay in order. */
  public static final Topic<TrackingFrame> TRACKING =
      new Topic<>("tracking", "device id", TrackingFrame.class);

  /**
   * Timeframe definitions from the control plane's outbox, keyed by timeframe id; compacted, and a
   * deleted timeframe is a tombstone (null value).
   */
  public static final Topic<TimeframeDefinition> TIMEFRAMES =
      new Topic<>("timeframes", "timeframe id", TimeframeDefinition.class, true);

  /** Live computed-data snapshots of timeframes, keyed by timeframe id. */
  public static final Topic<TimeframeComputedData> COMPUTED_DATA =
      new Topic<>("computed-data", "timeframe id", TimeframeComputedData.class);

  /**
   * Uploaded activity files' metadata, keyed by activity id; published after the activity's
   * records, with their count, so the activity job knows when it holds them all.
   */
  public static final Topic<UploadedActivity> ACTIVITIES =
      new Topic<>("activities", "activity id", UploadedActivity.class);

  /** The records of uploaded activity files, keyed by activity id so an activity stays in order. */
  public static final Topic<ActivityRecord> ACTIVITY_RECORDS =
      new Topic<>("activity-records", "activity id", ActivityRecord.class);

  /** Records a job could not read, with the reason. Keyed by the failing job's name. */
  public static final Topic<DeadLetter> DEAD_LETTERS =
      new Topic<>("dead-letters", "job name", DeadLetter.class);

  /** Every topic, in the order the local stack creates them. */
  public static final List<Topic<?>> ALL =
      List.of(
          SAMPLES,
          SESSIONS,
          TRACKING,
          TIMEFRAMES,
          COMPUTED_DATA,
          ACTIVITIES,
          ACTIVITY_RECORDS,
          DEAD_LETTERS);

  private Topics() {}
}
