package io.wearflow.infra.soak;

/**
 * What a user-day holds for a steps stream: the day's total steps and the number of distinct
 * samples counted in it.
 */
public record DayTotal(long steps, long samples) {

  /** This total plus one sample of {@code value} steps. */
  DayTotal plus(long value) {
    return new DayTotal(steps + value, samples + 1);
  }
}
