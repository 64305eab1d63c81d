/**
 * Kafka sources and sinks for the Flink jobs, in the registry's wire format, with undecodable
 * records routed to {@code dead-letters}.
 */
package io.wearflow.connectors.kafka;
