/**
 * Parsing of uploaded activity files: FIT (Garmin's FIT SDK) and CSV both become the same {@link
 * io.wearflow.http.activities.files.ActivityRecord}s of a {@link
 * io.wearflow.http.activities.files.ParsedActivity}; every rejection is an {@link
 * io.wearflow.http.activities.ActivityValidationException} with reference-shaped field errors.
 */
package io.wearflow.http.activities.files;
