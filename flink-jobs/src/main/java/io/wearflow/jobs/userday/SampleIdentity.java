package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;

/**
 * What makes two samples of one user the same measurement: a resent or corrected sample has the
 * same identity, and the last value received for an identity wins. The user is not part of it: the
 * job keeps identities per user.
 *
 * @param source ingestion API the sample came through
 * @param deviceName device name as sent by the client
 * @param deviceId identifier of the specific device, null when not sent
 * @param dataType measured quantity, see {@link Quantity}
 * @param startMillis interval start, epoch milliseconds (UTC)
 * @param endMillis interval end, epoch milliseconds (UTC)
 */
public record SampleIdentity(
    String source,
    String deviceName,
    String deviceId,
    String dataType,
    long startMillis,
    long endMillis) {

  /** The identity of {@code sample}. */
  public static SampleIdentity of(Sample sample) {
    return new SampleIdentity(
        CanonicalStrings.of(sample.getSource()),
        CanonicalStrings.of(sample.getDeviceName()),
        CanonicalStrings.of(sample.getDeviceId()),
        CanonicalStrings.of(sample.getDataType()),
        sample.getStartTime().toEpochMilli(),
        sample.getEndTime().toEpochMilli());
  }
}
