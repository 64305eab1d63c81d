/**
 * Live sports matches on the control plane ({@code live-timeframes-api.txt}): a manager's
 * activities (matches, training sessions) and timeframes (one athlete wearing one device over an
 * interval), and the reads of the metrics the timeframe job computes for them, as JSON and as a
 * Server-Sent Events stream. Writes only touch PostgreSQL rows; the tables' triggers carry every
 * change to the outbox (hence Kafka) and to webhooks. Reads never touch Kafka.
 */
package io.wearflow.http.matches;
