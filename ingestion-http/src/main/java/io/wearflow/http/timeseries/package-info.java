/**
 * Activity time series ({@code PUT /api/0.1/activity_timeseries/}, activity-timeseries-api.txt):
 * per-minute steps, distance and calories of a recorder; validation, stamping with the user's time
 * zone, one {@code samples} record per point.
 */
package io.wearflow.http.timeseries;
