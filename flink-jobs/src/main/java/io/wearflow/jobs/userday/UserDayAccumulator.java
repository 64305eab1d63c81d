package io.wearflow.jobs.userday;

import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.schemas.samples.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one user's measurements into their local days, deduplicating by {@link SampleIdentity}: the
 * last value received for an identity wins, a resend of the same value changes nothing, and a
 * corrected value (or a new offset or day-start hour that moves the measurement to other minutes or
 * days) first takes back exactly what the old value added.
 *
 * <p>Each measurement is cut into local minutes by {@link MinuteSplitter} and added to the {@link
 * DayState} of every day it overlaps: its share of the amount to the minute sums and the (source,
 * device) sums, its heart rate to the minute's time-weighted sums and to the day's heart rates, and
 * one to the day's sample count. A changed day is marked dirty; {@link #publishChanged()} turns
 * dirty days into {@link PublishedUserDay}s ({@link UserDayResults}) with a per-day version.
 *
 * <p>A measurement reaching a day that {@link Lateness} has already released (the watermark passed
 * its release time) is {@link Change#TOO_LATE}. {@link #release} forgets a day and the measurements
 * that end in it or before.
 */
public final class UserDayAccumulator {

  /** What an upsert did. */
  public enum Change {
    /** A measurement the user had not sent. */
    ADDED,
    /** A new value, device version, offset or day-start hour for a known measurement. */
    REPLACED,
    /** A resend of the current value: nothing to publish. */
    UNCHANGED,
    /** The measurement reaches a day already released: not counted. */
    TOO_LATE
  }

  private final long userId;
  private final DayStateStore store;

  /**
   * @param userId the user whose state {@code store} holds
   * @param store the user's state, updated in place
   */
  public UserDayAccumulator(long userId, DayStateStore store) {
    this.userId = userId;
    this.store = store;
  }

  /**
   * Adds or replaces the measurement {@code sample}, valid by {@link SampleRules}.
   *
   * @param watermark the received_at watermark, epoch milliseconds: days whose {@link
   *     Lateness#releaseTime} is not after it are released
   */
  public Change upsert(Sample sample, long watermark) {
    if (sample.getUserId() != userId) {
      throw new IllegalArgumentException(
          "sample of user " + sample.getUserId() + " given to user " + userId);
    }
    SampleIdentity identity = SampleIdentity.of(sample);
    Contribution next = Contribution.of(sample);
    Contribution previous = store.contribution(identity);
    if (previous != null && previous.sameAs(next)) {
      return Change.UNCHANGED;
    }
    if (Lateness.releaseTime(next.firstDay(identity)) <= watermark) {
      return Change.TOO_LATE;
    }
    long changedAt = next.receivedAtMillis();
    if (previous != null) {
      apply(identity, previous, -1, changedAt);
    }
    apply(identity, next, 1, changedAt);
    store.putContribution(identity, next);
    return previous == null ? Change.ADDED : Change.REPLACED;
  }

  /** The first local day {@code sample} overlaps, as {@link java.time.LocalDate#toEpochDay()}. */
  public static long firstDay(Sample sample) {
    return Contribution.of(sample).firstDay(SampleIdentity.of(sample));
  }

  /** Publishes every day changed since its last publication, in day order. */
  public List<PublishedUserDay> publishChanged() {
    List<Long> changed = new ArrayList<>();
    store.forEachDay(
        (epochDay, day) -> {
          if (day.dirty) {
            changed.add(epochDay);
          }
        });
    changed.sort(null);
    List<PublishedUserDay> published = new ArrayList<>(changed.size());
    for (long epochDay : changed) {
      published.add(publish(epochDay, store.day(epochDay)));
    }
    return published;
  }

  /**
   * Forgets day {@code epochDay} and every measurement whose last day is this one or earlier (all
   * its days are released, as days are released in order); returns the day's last publication if it
   * had changed since the previous one.
   */
  public Optional<PublishedUserDay> release(long epochDay) {
    DayState day = store.day(epochDay);
    Optional<PublishedUserDay> last =
        day != null && day.dirty ? Optional.of(publish(epochDay, day)) : Optional.empty();
    store.removeDay(epochDay);
    store.removeContributionsIf(
        (identity, contribution) -> contribution.lastDay(identity) <= epochDay);
    return last;
  }

  private PublishedUserDay publish(long epochDay, DayState day) {
    day.version++;
    day.dirty = false;
    store.putDay(epochDay, day);
    return new PublishedUserDay(UserDayResults.toUserDay(userId, epochDay, day), day.version);
  }

  /** Adds ({@code sign} 1) or takes back (-1) {@code contribution} in every day it overlaps. */
  private void apply(SampleIdentity identity, Contribution contribution, int sign, long changedAt) {
    Quantity quantity = Quantity.known(identity.dataType());
    DayWriter writer = new DayWriter(identity, contribution, quantity, sign, changedAt);
    MinuteSplitter.split(
        identity.startMillis(),
        identity.endMillis(),
        contribution.offsetSeconds(),
        contribution.dayStartHour(),
        quantity.isAmount() ? quantity.toFixed(contribution.value()) : 0,
        writer);
    writer.finishDay();
  }

  /** Writes the minutes of one contribution, one day after the other. */
  private final class DayWriter implements MinuteSplitter.MinuteConsumer {

    private static final long INSTANT_WEIGHT_MILLIS = 1000;

    private final SampleIdentity identity;
    private final Contribution contribution;
    private final Quantity quantity;
    private final int sign;
    private final long changedAt;
    private final long milliBpm;
    private long epochDay = Long.MIN_VALUE;
    private DayState day;
    private long dayAmount;

    DayWriter(
        SampleIdentity identity,
        Contribution contribution,
        Quantity quantity,
        int sign,
        long changedAt) {
      this.identity = identity;
      this.contribution = contribution;
      this.quantity = quantity;
      this.sign = sign;
      this.changedAt = changedAt;
      this.milliBpm = quantity.isAmount() ? 0 : quantity.toFixed(contribution.value());
    }

    @Override
    public void accept(long epochDay, int slot, long share, long overlapMillis) {
      if (epochDay != this.epochDay) {
        finishDay();
        this.epochDay = epochDay;
        day = store.day(epochDay);
        if (day == null && sign > 0) {
          day = store.newDay(epochDay);
        }
        dayAmount = 0;
      }
      if (day == null) {
        return; // taking back from a day already released
      }
      MinuteSums minutes = day.minutes;
      if (quantity.isAmount()) {
        minutes.add(slot, MinuteSums.countColumn(quantity), sign);
        minutes.add(slot, MinuteSums.sumColumn(quantity), sign * share);
        dayAmount += share;
      } else {
        long weight = overlapMillis == 0 ? INSTANT_WEIGHT_MILLIS : overlapMillis;
        minutes.add(slot, MinuteSums.BPM_WEIGHTED, sign * milliBpm * weight);
        minutes.add(slot, MinuteSums.BPM_WEIGHT, sign * weight);
      }
    }

    void finishDay() {
      if (day == null) {
        return;
      }
      day.sampleCount += sign;
      day.sources.add(identity.source(), identity.deviceName(), quantity, sign * dayAmount, sign);
      if (!quantity.isAmount()) {
        day.heartRates.add(milliBpm, sign);
      }
      if (sign > 0) {
        day.dayStartHour = contribution.dayStartHour();
      }
      day.updatedAtMillis = Math.max(day.updatedAtMillis, changedAt);
      day.dirty = true;
      store.putDay(epochDay, day);
      day = null;
    }
  }
}
