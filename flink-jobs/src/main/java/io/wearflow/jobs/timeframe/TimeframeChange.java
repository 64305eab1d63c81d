package io.wearflow.jobs.timeframe;

import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.util.Objects;

/**
 * One record of the {@code timeframes} topic as the job reads it: a timeframe's new definition, or
 * its deletion (the topic's tombstone, which carries only the id in its key). A Flink POJO.
 */
public final class TimeframeChange {

  /** Id of the timeframe. */
  public long timeframeId;

  /** The new definition; null: the timeframe was deleted. */
  public TimeframeDefinition definition;

  public TimeframeChange() {}

  private TimeframeChange(long timeframeId, TimeframeDefinition definition) {
    this.timeframeId = timeframeId;
    this.definition = definition;
  }

  /** A created or updated timeframe. */
  public static TimeframeChange upsert(TimeframeDefinition definition) {
    return new TimeframeChange(definition.getTimeframeId(), definition);
  }

  /** A deleted timeframe. */
  public static TimeframeChange deletion(long timeframeId) {
    return new TimeframeChange(timeframeId, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeframeChange other
        && timeframeId == other.timeframeId
        && Objects.equals(definition, other.definition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeframeId, definition);
  }

  @Override
  public String toString() {
    return definition == null ? "delete " + timeframeId : "upsert " + definition;
  }
}
