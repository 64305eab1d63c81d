/** Sample ingestion ({@code /api/v1.1/samples}, samples-api.txt): validation, Avro, Kafka. */
package io.wearflow.http.samples;
