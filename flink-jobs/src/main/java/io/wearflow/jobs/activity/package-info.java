/**
 * The activity job: uploaded activity files' records and metadata, joined per activity ({@link
 * io.wearflow.jobs.activity.ActivityAssembler}), analysed once complete ({@link
 * io.wearflow.jobs.activity.ActivityAnalyzer}: spike guard, 1 Hz series, summary, laps, exact
 * mean-max curves, accumulated work duration) and written to the V8 tables and the {@code
 * activity_records} and {@code mean_max} Parquet exports ({@link
 * io.wearflow.jobs.activity.ActivityJob}).
 */
package io.wearflow.jobs.activity;
