/**
 * The read side of the recorded-activities API ({@code GET /api/v1/activities/...}): listings,
 * details, per-activity series, mean-max and accumulated work duration (AWD), the longitudinal
 * analyses over a date range (Parquet by default) and the backfill progress stream. Everything is
 * read from what the activity job stored (V8 tables) through {@link
 * io.wearflow.http.activities.read.RecordedActivities}; nothing is recomputed from records here.
 */
package io.wearflow.http.activities.read;
