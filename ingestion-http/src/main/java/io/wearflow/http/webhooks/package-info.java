/**
 * Activity webhooks ({@code /v1/activities/{activity}/webhooks/}, live-timeframes-api.txt) and
 * their delivery: {@link io.wearflow.http.webhooks.WebhookDispatcher} POSTs the events the database
 * triggers enqueue, with retries and a delivery log.
 */
package io.wearflow.http.webhooks;
