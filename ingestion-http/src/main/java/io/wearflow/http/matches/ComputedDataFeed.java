package io.wearflow.http.matches;

import io.wearflow.connectors.postgres.ComputedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one computed-data stream sends next, given the latest state of its timeframe (plain Java, no
 * HTTP): a {@code computed-data} event whenever the row's {@code updated_at} differs from the last
 * one sent (data = the stored JSON, id = {@code updated_at} in epoch milliseconds), then a {@code
 * final} event and the end of the stream once the final row was sent or when the timeframe is gone
 * ({@code {"timeframe": id, "reason": "computed"|"deleted"}}). Not thread-safe: one caller at a
 * time.
 */
final class ComputedDataFeed {

  static final String DATA_EVENT = "computed-data";
  static final String FINAL_EVENT = "final";

  /** One Server-Sent Event. */
  record Event(String name, String data, String id) {}

  private final long timeframeId;
  private Instant lastSent;
  private boolean ended;

  ComputedDataFeed(long timeframeId) {
    this.timeframeId = timeframeId;
  }

  long timeframeId() {
    return timeframeId;
  }

  /** Whether the final event was sent: nothing follows. */
  boolean ended() {
    return ended;
  }

  /**
   * The events that bring the client up to {@code state}.
   *
   * @param state null when the timeframe does not exist any more; empty when nothing is computed
   */
  List<Event> next(Optional<ComputedData> state) {
    List<Event> events = new ArrayList<>();
    if (ended) {
      return events;
    }
    if (state == null) {
      events.add(finalEvent("deleted"));
      ended = true;
      return events;
    }
    if (state.isEmpty()) {
      return events;
    }
    ComputedData data = state.get();
    if (!data.updatedAt().equals(lastSent)) {
      lastSent = data.updatedAt();
      events.add(
          new Event(DATA_EVENT, data.data(), Long.toString(data.updatedAt().toEpochMilli())));
    }
    if (data.isFinal()) {
      events.add(finalEvent("computed"));
      ended = true;
    }
    return events;
  }

  private Event finalEvent(String reason) {
    return new Event(
        FINAL_EVENT,
        "{\"timeframe\": " + timeframeId + ", \"reason\": \"" + reason + "\"}",
        lastSent == null ? null : Long.toString(lastSent.toEpochMilli()));
  }
}
