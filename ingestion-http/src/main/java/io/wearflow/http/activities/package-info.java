/**
 * The recorded-activities API ({@code /api/v1/activities/}, activities-api.txt): uploads of FIT and
 * CSV workout files and the reads of what the activity job computed from them. Its validation
 * errors use the reference's {@code {"detail": [{"loc", "msg", "type"}]}} shape ({@link
 * io.wearflow.http.activities.ActivityValidationException}).
 */
package io.wearflow.http.activities;
