package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.util.Objects;

/**
 * The current value of one measurement ({@link SampleIdentity}) of a user, kept so that a resend
 * can be recognised and a correction can take back exactly what the previous value added: with the
 * identity it fixes the days, minutes and amounts the measurement contributed ({@link
 * MinuteSplitter}).
 *
 * @param value the sample's value in the job's unit (see {@link SampleRules#value})
 * @param deviceVersion device or firmware version, null when not sent
 * @param offsetSeconds the UTC offset that places the measurement in local days, seconds
 * @param dayStartHour local hour the user's day started at for this measurement
 * @param receivedAtMillis when the edge accepted this value, epoch milliseconds
 */
public record Contribution(
    double value,
    String deviceVersion,
    int offsetSeconds,
    int dayStartHour,
    long receivedAtMillis) {

  /** The contribution of {@code sample}. */
  public static Contribution of(Sample sample) {
    return new Contribution(
        SampleRules.value(sample),
        CanonicalStrings.of(sample.getDeviceVersion()),
        sample.getZoneOffsetSeconds(),
        sample.getDayStartHour(),
        sample.getReceivedAt().toEpochMilli());
  }

  /**
   * Whether {@code other} carries the same measurement: same value, device version and placement in
   * local time. The time it was received does not matter, so a resend is not a change.
   */
  public boolean sameAs(Contribution other) {
    return Double.compare(value, other.value) == 0
        && offsetSeconds == other.offsetSeconds
        && dayStartHour == other.dayStartHour
        && Objects.equals(deviceVersion, other.deviceVersion);
  }

  /** The first local day the measurement {@code identity} with this value overlaps. */
  public long firstDay(SampleIdentity identity) {
    return MinuteSplitter.firstDay(identity.startMillis(), offsetSeconds, dayStartHour);
  }

  /** The last local day the measurement {@code identity} with this value overlaps. */
  public long lastDay(SampleIdentity identity) {
    return MinuteSplitter.lastDay(
        identity.startMillis(), identity.endMillis(), offsetSeconds, dayStartHour);
  }
}
