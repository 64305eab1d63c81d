package io.wearflow.http.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.connectors.postgres.Webhook;

/** A webhook as the API shows it: the secret token partially hidden ({@link SecretMask}). */
@JsonPropertyOrder({
  "id",
  "activity",
  "webhook_url",
  "secret_token",
  "activity_events",
  "timeframes_events"
})
record WebhookView(
    @JsonProperty("id") long id,
    @JsonProperty("activity") long activity,
    @JsonProperty("webhook_url") String webhookUrl,
    @JsonProperty("secret_token") String secretToken,
    @JsonProperty("activity_events") boolean activityEvents,
    @JsonProperty("timeframes_events") boolean timeframesEvents) {

  static WebhookView of(Webhook webhook) {
    return new WebhookView(
        webhook.id(),
        webhook.activityId(),
        webhook.webhookUrl(),
        SecretMask.mask(webhook.secretToken()),
        webhook.activityEvents(),
        webhook.timeframesEvents());
  }
}
