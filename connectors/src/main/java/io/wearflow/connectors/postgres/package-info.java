/**
 * wearflow's PostgreSQL store: the schema and its migrations, the stores the HTTP edge reads and
 * writes, and the table sinks of the Flink jobs.
 */
package io.wearflow.connectors.postgres;
