package io.wearflow.jobs.userday;

import java.time.LocalDate;

/**
 * The key of the user-day state: one user's one local calendar day. The day is held as an epoch day
 * (days since 1970-01-01) so that Flink serializes the key as a plain POJO of two longs.
 *
 * @param userId account id of the user
 * @param localEpochDay the user's local date as {@link LocalDate#toEpochDay()}
 */
public record UserDayKey(long userId, long localEpochDay) {

  /** The key of {@code userId} on {@code localDate}. */
  public static UserDayKey of(long userId, LocalDate localDate) {
    return new UserDayKey(userId, localDate.toEpochDay());
  }

  /** The local calendar day. */
  public LocalDate localDate() {
    return LocalDate.ofEpochDay(localEpochDay);
  }

  // Spelled out because Flink assigns keys to key groups by hashCode, which must not change
  // between JVMs or versions; the one records generate by default is not specified.
  @Override
  public int hashCode() {
    return 31 * Long.hashCode(userId) + Long.hashCode(localEpochDay);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserDayKey key
        && key.userId == userId
        && key.localEpochDay == localEpochDay;
  }

  @Override
  public String toString() {
    return "UserDayKey[userId=" + userId + ", localDate=" + localDate() + "]";
  }
}
