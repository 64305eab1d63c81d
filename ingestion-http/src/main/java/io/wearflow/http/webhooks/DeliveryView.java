package io.wearflow.http.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.wearflow.connectors.postgres.WebhookDelivery;
import java.time.Instant;

/** One entry of a webhook's delivery log, with the payload as it was (or will be) POSTed. */
record DeliveryView(
    @JsonProperty("id") long id,
    @JsonProperty("event") String event,
    @JsonProperty("status") String status,
    @JsonProperty("attempts") int attempts,
    @JsonProperty("next_attempt_at") Instant nextAttemptAt,
    @JsonProperty("last_attempt_at") Instant lastAttemptAt,
    @JsonProperty("last_status") Integer lastStatus,
    @JsonProperty("last_error") String lastError,
    @JsonProperty("delivered_at") Instant deliveredAt,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("payload") @JsonRawValue String payload) {

  static DeliveryView of(WebhookDelivery d) {
    return new DeliveryView(
        d.id(),
        d.event(),
        d.status(),
        d.attempts(),
        d.status().equals("pending") ? d.nextAttemptAt() : null,
        d.lastAttemptAt(),
        d.lastStatus(),
        d.lastError(),
        d.deliveredAt(),
        d.createdAt(),
        d.payloadJson());
  }
}
