/** An in-process single-node Kafka (KRaft) broker for the local stack and tests. */
package io.wearflow.infra.kafka;
