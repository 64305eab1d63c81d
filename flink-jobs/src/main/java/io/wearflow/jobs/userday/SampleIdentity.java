package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;

/**
 * What makes two samples the same measurement: a resent or corrected sample has the same identity,
 * and the last value received for an identity wins.
 *
 * @param userId account id of the user
 * @param source ingestion API the sample came through
 * @param deviceName device name as sent by the client
 * @param dataType measured quantity, see {@link SampleRules}
 * @param startMillis interval start, epoch milliseconds (UTC)
 * @param endMillis interval end, epoch milliseconds (UTC)
 */
public record SampleIdentity(
    long userId,
    String source,
    String deviceName,
    String dataType,
    long startMillis,
    long endMillis) {

  /** The identity of {@code sample}. */
  public static SampleIdentity of(Sample sample) {
    return new SampleIdentity(
        sample.getUserId(),
        sample.getSource(),
        sample.getDeviceName(),
        sample.getDataType(),
        sample.getStartTime().toEpochMilli(),
        sample.getEndTime().toEpochMilli());
  }

  /** Interval length in milliseconds; 0 for an instantaneous sample. */
  public long durationMillis() {
    return endMillis - startMillis;
  }
}
