package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.util.Objects;

/**
 * What one deduplicated sample contributes to one user-day: the state kept per {@link
 * SampleIdentity} so that a resend can be recognised and a correction can take back exactly what
 * the previous value added.
 *
 * <p>Sums are fixed-point integers (micro-steps, milli-bpm times milliseconds) so that adding and
 * later subtracting a contribution gives back the very same total whatever the order of arrival;
 * steps_total is therefore exact to 10^-6 steps and bpm_mean to 10^-3 bpm.
 *
 * @param value the sample's value in the job's unit (see {@link SampleRules#value})
 * @param deviceVersion device or firmware version, null when not sent
 * @param weightMillis time weight in the day, milliseconds: the overlap with the day, or 1000 for
 *     an instantaneous sample
 * @param stepsMicros steps added to the day in millionths of a step (0 unless a steps sample):
 *     value * overlap / duration, or the whole value for an instantaneous sample
 * @param receivedAtMillis when the edge accepted this value, epoch milliseconds
 */
public record Contribution(
    double value,
    String deviceVersion,
    long weightMillis,
    long stepsMicros,
    long receivedAtMillis) {

  private static final long INSTANT_WEIGHT_MILLIS = 1000;
  private static final double MICROS = 1e6;

  /** The contribution of {@code portion} to its day. */
  public static Contribution of(DayPortion portion) {
    Sample sample = portion.sample();
    double value = SampleRules.value(sample);
    long duration = sample.getEndTime().toEpochMilli() - sample.getStartTime().toEpochMilli();
    long weight = duration == 0 ? INSTANT_WEIGHT_MILLIS : portion.overlapMillis();
    long stepsMicros = 0;
    if (SampleRules.STEPS.equals(sample.getDataType())) {
      stepsMicros =
          duration == 0
              ? Math.round(value * MICROS)
              : Math.round(value * MICROS * portion.overlapMillis() / duration);
    }
    return new Contribution(
        value,
        sample.getDeviceVersion(),
        weight,
        stepsMicros,
        sample.getReceivedAt().toEpochMilli());
  }

  /** Heart rate times weight, in milli-bpm times milliseconds; only meaningful for bpm samples. */
  public long bpmWeighted() {
    return Math.round(value * 1000) * weightMillis;
  }

  /**
   * Whether {@code other} carries the same measurement: same value, device version and weight. The
   * time it was received does not matter, so a resend is not a change.
   */
  public boolean sameAs(Contribution other) {
    return Double.compare(value, other.value) == 0
        && weightMillis == other.weightMillis
        && Objects.equals(deviceVersion, other.deviceVersion);
  }
}
