package io.wearflow.infra.e2e.badinput;

import java.time.Instant;

/**
 * The resources the corpus aims its requests at, created through the API before the corpus runs: an
 * athlete who gave the manager a WRITE permission from {@link #PERMISSION_START}, a managed
 * athlete, the manager's device, activity (with a webhook) and timeframe, and the ids of the seed
 * JSON schemas {@code activity} and {@code timeframe}, and the athlete's recorded activity (an
 * uploaded one-minute ride the reads can see) with a valid FIT file of another ride.
 */
record Targets(
    long athlete,
    String athleteUsername,
    long manager,
    long managed,
    long device,
    long activity,
    long webhook,
    long timeframe,
    long activitySchema,
    long timeframeSchema,
    String recordedActivity,
    byte[] validFit,
    Instant now) {

  static final String PERMISSION_START = "2000-01-01T00:00:00Z";
}
