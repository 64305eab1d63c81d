package io.wearflow.jobs.userday;

import java.util.List;

/**
 * The running aggregates of one user-day, kept next to the day's {@link Contribution}s so that an
 * update costs O(1) in the common case (a new sample, a resend).
 *
 * @param stepsMicros steps of the day in millionths of a step
 * @param sampleCount distinct sample identities overlapping the day
 * @param bpmCount distinct heart-rate sample identities overlapping the day
 * @param bpmWeighted sum of heart rate times weight, in milli-bpm times milliseconds
 * @param bpmWeightMillis sum of the heart-rate samples' weights, in milliseconds
 * @param bpmMin lowest heart rate in bpm; +infinity without heart-rate samples
 * @param bpmMax highest heart rate in bpm; -infinity without heart-rate samples
 * @param devices distinct device names, sorted
 * @param updatedAtMillis largest received_at of the day's current values, epoch milliseconds
 */
public record DayTotals(
    long stepsMicros,
    int sampleCount,
    int bpmCount,
    long bpmWeighted,
    long bpmWeightMillis,
    double bpmMin,
    double bpmMax,
    List<String> devices,
    long updatedAtMillis) {

  /** The totals of a day without samples. */
  public static final DayTotals EMPTY =
      new DayTotals(
          0,
          0,
          0,
          0,
          0,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          List.of(),
          Long.MIN_VALUE);
}
