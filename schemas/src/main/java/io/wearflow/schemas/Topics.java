package io.wearflow.schemas;

import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
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

  /** Records a job could not read, with the reason. Keyed by the failing job's name. */
  public static final Topic<DeadLetter> DEAD_LETTERS =
      new Topic<>("dead-letters", "job name", DeadLetter.class);

  /** Every topic, in the order the local stack creates them. */
  public static final List<Topic<?>> ALL = List.of(SAMPLES, SESSIONS, DEAD_LETTERS);

  private Topics() {}
}
