/**
 * The activity job's results as the connectors write them: {@link
 * io.wearflow.connectors.activities.AnalyzedActivity} (one per completed activity, for the {@code
 * recorded_activities}, {@code activity_series}, {@code activity_mean_max} and {@code activity_awd}
 * tables and the {@code mean_max} export) and {@link
 * io.wearflow.connectors.activities.ExportedActivityRecord} (one per distinct record, for the
 * {@code activity_records} export). Plain records of Flink-friendly types (arrays, no lists), so
 * that Flink serializes them as POJOs.
 */
package io.wearflow.connectors.activities;
