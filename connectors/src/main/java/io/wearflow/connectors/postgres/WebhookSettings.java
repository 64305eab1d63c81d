package io.wearflow.connectors.postgres;

import java.util.Objects;

/**
 * What a client sets on a webhook: where events go, the secret sent with them, and which kinds of
 * event it receives.
 */
public record WebhookSettings(
    String webhookUrl, String secretToken, boolean activityEvents, boolean timeframesEvents) {

  public WebhookSettings {
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(secretToken, "secretToken");
  }

  @Override
  public String toString() {
    return "WebhookSettings[url=" + webhookUrl + ", secretToken=<hidden>]";
  }
}
