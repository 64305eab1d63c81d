package io.wearflow.connectors.postgres;

/**
 * A webhook delivery claimed by a dispatcher, with where and how to POST it. {@link #toString}
 * hides the secret.
 *
 * @param attempts attempts made before this one
 */
public record DueDelivery(
    long id,
    long webhookId,
    String event,
    String payloadJson,
    int attempts,
    String webhookUrl,
    String secretToken) {

  @Override
  public String toString() {
    return "DueDelivery[id=" + id + ", webhookId=" + webhookId + ", event=" + event + "]";
  }
}
