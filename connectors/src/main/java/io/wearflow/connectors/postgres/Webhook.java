package io.wearflow.connectors.postgres;

import java.time.Instant;

/**
 * A stored webhook of an activity (a row of {@code webhooks}). {@code secretToken} is the whole
 * secret, sent in a header on every delivery: never show or log it ({@link #toString} hides it).
 */
public record Webhook(
    long id,
    long activityId,
    String webhookUrl,
    String secretToken,
    boolean activityEvents,
    boolean timeframesEvents,
    Instant createdAt,
    Instant updatedAt) {

  @Override
  public String toString() {
    return "Webhook[id=" + id + ", activityId=" + activityId + ", url=" + webhookUrl + "]";
  }
}
