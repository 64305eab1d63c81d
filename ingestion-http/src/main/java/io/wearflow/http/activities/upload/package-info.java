/**
 * The write side of the recorded-activities API: {@code POST /api/v1/activities/upload} (parse,
 * deduplicate, store the original, publish to {@code activity-records} then {@code activities}),
 * {@code GET {id}/download} and {@code PUT|DELETE {id}/app-metadata}. See {@link
 * io.wearflow.http.activities.upload.ActivityUploadHandlers}.
 */
package io.wearflow.http.activities.upload;
