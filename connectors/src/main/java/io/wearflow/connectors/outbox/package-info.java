/**
 * Transactional outboxes: changes the control plane commits to PostgreSQL (appended by trigger in
 * the writer's own transaction) are relayed to Kafka by one background relay at a time, so a change
 * reaches Kafka exactly when it commits and never only half (no dual write).
 */
package io.wearflow.connectors.outbox;
