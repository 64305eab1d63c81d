/**
 * The Confluent Schema Registry protocol and wire format over plain Avro, shared by the HTTP edge
 * and the Flink jobs. Confluent's own client is not on Maven Central and Flink's relocated copy
 * breaks the classpath, so wearflow speaks the small REST protocol itself.
 */
package io.wearflow.connectors.registry;
