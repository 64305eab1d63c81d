package io.wearflow.jobs.userday;

import io.wearflow.schemas.samples.Sample;
import java.time.LocalDate;

/**
 * The part of one sample that falls into one local day of its user, as cut by {@link
 * UserDayBucketer}. A sample within one day has one portion; a sample crossing local midnight has
 * one per day it overlaps.
 *
 * @param sample the whole sample
 * @param localEpochDay the local day of this portion, as {@link LocalDate#toEpochDay()}
 * @param overlapMillis how long the sample's interval overlaps the day, in milliseconds; 0 for an
 *     instantaneous sample
 * @param startDay whether the sample starts in this day (exactly one portion of a sample does)
 */
public record DayPortion(Sample sample, long localEpochDay, long overlapMillis, boolean startDay) {

  /** The (user, local day) this portion belongs to. */
  public UserDayKey key() {
    return new UserDayKey(sample.getUserId(), localEpochDay);
  }

  /** The local calendar day of this portion. */
  public LocalDate localDate() {
    return LocalDate.ofEpochDay(localEpochDay);
  }

  /** The identity of the sample this portion was cut from. */
  public SampleIdentity identity() {
    return SampleIdentity.of(sample);
  }
}
