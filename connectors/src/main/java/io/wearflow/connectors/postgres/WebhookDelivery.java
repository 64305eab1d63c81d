package io.wearflow.connectors.postgres;

import java.time.Instant;

/**
 * One entry of the webhook delivery log (a row of {@code webhook_deliveries}).
 *
 * @param payloadJson the JSON body POSTed, as text
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param attempts how many POSTs were made
 * @param lastStatus HTTP status of the last attempt, null when it got no response
 * @param lastError why the last attempt failed, null when it succeeded or none was made
 */
public record WebhookDelivery(
    long id,
    long webhookId,
    String event,
    String payloadJson,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt,
    Instant createdAt) {}
