package io.wearflow.jobs.userday;

import java.util.Optional;
import java.util.Set;

/**
 * The measured quantities the user-day job aggregates, with their units and the fixed-point scale
 * the job sums them in.
 *
 * <p>Sums are kept as integers (e.g. millionths of a step) so that adding a measurement and later
 * taking it back gives back the very same sum whatever the order of arrival. Steps, distance and
 * calories are amounts over an interval, split between minutes and days in proportion to overlap;
 * heart rate is a rate, averaged over time.
 */
public enum Quantity {
  /** Step count over the interval, unit {@code count}; summed in millionths of a step. */
  STEPS("steps", Set.of("count"), 1e6, 300_000),
  /** Distance over the interval, unit {@code m}; summed in micrometres. */
  DISTANCE("distance", Set.of("m"), 1e6, 1_000_000),
  /** Energy over the interval, unit {@code J}; summed in millijoules. */
  CALORIES("calories", Set.of("J"), 1e3, 1e9),
  /** Heart rate, unit {@code count/min} or {@code count/s}; held in milli-bpm. */
  BPM("bpm", Set.of("count/min", "count/s"), 1e3, 3_000);

  private final String dataType;
  private final Set<String> units;
  private final double scale;
  private final double max;

  Quantity(String dataType, Set<String> units, double scale, double max) {
    this.dataType = dataType;
    this.units = units;
    this.scale = scale;
    this.max = max;
  }

  /** The quantity named by a sample's {@code data_type}, if the job knows it. */
  public static Optional<Quantity> of(String dataType) {
    for (Quantity quantity : values()) {
      if (quantity.dataType.equals(dataType)) {
        return Optional.of(quantity);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #of} for a data type already checked by {@link SampleRules}. */
  static Quantity known(String dataType) {
    return of(dataType)
        .orElseThrow(() -> new IllegalArgumentException("unknown data type " + dataType));
  }

  /** The {@code data_type} of this quantity in samples. */
  public String dataType() {
    return dataType;
  }

  /** The units a sample of this quantity may carry. */
  public Set<String> units() {
    return units;
  }

  /**
   * The largest plausible value of one sample in the job's unit (steps, m, J, bpm): ten times what
   * a sample can carry, far enough from overflowing the day's fixed-point sums.
   */
  public double max() {
    return max;
  }

  /** Whether the quantity is an amount split by overlap (all but heart rate). */
  public boolean isAmount() {
    return this != BPM;
  }

  /** A value in the job's unit as a fixed-point integer (e.g. micro-steps). */
  public long toFixed(double value) {
    return Math.round(value * scale);
  }

  /** A fixed-point integer back in the job's unit. */
  public double fromFixed(long fixed) {
    return fixed / scale;
  }
}
