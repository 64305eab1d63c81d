/** The local Confluent-compatible schema registry (Apicurio Registry in a child JVM). */
package io.wearflow.infra.registry;
