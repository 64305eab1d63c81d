/** Parquet sinks for the analysts' exports, with Hive-style date partitions. */
package io.wearflow.connectors.parquet;
