/**
 * {@code ./wearflow generate activities}: a season of recorded rides and runs of one simulated
 * athlete, written as FIT (Garmin's SDK) and CSV files the activity upload accepts, optionally
 * uploaded to a running wearflow. The physiology (power, heart rate with lag and drift, cadence,
 * speed from a cycling physics model, terrain, temperature) is plain Java, unit tested directly.
 */
package io.wearflow.infra.generate;
