package io.wearflow.infra.e2e;

import java.time.Instant;

/**
 * What identifies a sample in the Parquet exports, plus its value: (device, data type, start, end)
 * is the identity within one user and source.
 */
record ExportedRow(String device, String dataType, Instant start, Instant end, double value) {}
