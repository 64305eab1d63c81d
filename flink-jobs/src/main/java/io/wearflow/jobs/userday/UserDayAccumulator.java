package io.wearflow.jobs.userday;

import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Folds the portions of one user-day into its {@link UserDay}, deduplicating by {@link
 * SampleIdentity}: the last value received for an identity wins, a resend of the same value and
 * device version changes nothing, and a corrected value replaces exactly what the old one added.
 *
 * <p>Rules: steps_total is the sum of the steps portions; bpm_min and bpm_max range over the heart
 * rates of the day; bpm_mean weights each heart rate by its overlap with the day (an instantaneous
 * sample by one second); sample_count counts identities; devices lists device names sorted;
 * updated_at is the largest received_at. New samples and resends cost O(1); only a correction that
 * takes away the day's minimum, maximum or latest received_at rescans the day's contributions.
 *
 * <p>One accumulator wraps the day's state ({@link DayTotals} plus a {@link ContributionStore}) for
 * the time of one or more upserts; {@link #totals()} is then to be stored back.
 */
public final class UserDayAccumulator {

  /** What an upsert did to the day. */
  public enum Change {
    /** A sample identity the day had not seen. */
    ADDED,
    /** A new value (or device version) for a known identity. */
    REPLACED,
    /** A resend of the current value: nothing to publish. */
    UNCHANGED
  }

  private final UserDayKey key;
  private final ContributionStore contributions;
  private DayTotals totals;

  /**
   * @param key the user-day
   * @param totals its current totals ({@link DayTotals#EMPTY} for a new day)
   * @param contributions its contributions, updated in place by {@link #upsert}
   */
  public UserDayAccumulator(UserDayKey key, DayTotals totals, ContributionStore contributions) {
    this.key = key;
    this.totals = totals;
    this.contributions = contributions;
  }

  /** Adds or replaces the contribution of {@code portion}'s sample and says what changed. */
  public Change upsert(DayPortion portion) {
    if (portion.sample().getUserId() != key.userId()
        || portion.localEpochDay() != key.localEpochDay()) {
      throw new IllegalArgumentException(portion.key() + " is not " + key);
    }
    SampleIdentity identity = portion.identity();
    Contribution next = Contribution.of(portion);
    Contribution previous = contributions.get(identity);
    if (previous != null && previous.sameAs(next)) {
      return Change.UNCHANGED;
    }
    contributions.put(identity, next);
    if (previous == null) {
      totals = added(identity, next);
      return Change.ADDED;
    }
    totals = replaced(identity, previous, next);
    return Change.REPLACED;
  }

  /** The day's totals after the upserts so far. */
  public DayTotals totals() {
    return totals;
  }

  /** The day as published. */
  public UserDay toUserDay() {
    if (totals.sampleCount() == 0) {
      throw new IllegalStateException(key + " has no samples");
    }
    boolean hasBpm = totals.bpmCount() > 0;
    return UserDay.newBuilder()
        .setUserId(key.userId())
        .setLocalDate(key.localDate())
        .setStepsTotal(totals.stepsMicros() / 1e6)
        .setBpmMin(hasBpm ? totals.bpmMin() : null)
        .setBpmMax(hasBpm ? totals.bpmMax() : null)
        .setBpmMean(hasBpm ? totals.bpmWeighted() / (totals.bpmWeightMillis() * 1000.0) : null)
        .setSampleCount(totals.sampleCount())
        .setDevices(totals.devices())
        .setUpdatedAt(Instant.ofEpochMilli(totals.updatedAtMillis()))
        .build();
  }

  private DayTotals added(SampleIdentity identity, Contribution added) {
    DayTotals t = totals;
    boolean bpm = SampleRules.BPM.equals(identity.dataType());
    return new DayTotals(
        t.stepsMicros() + added.stepsMicros(),
        t.sampleCount() + 1,
        t.bpmCount() + (bpm ? 1 : 0),
        t.bpmWeighted() + (bpm ? added.bpmWeighted() : 0),
        t.bpmWeightMillis() + (bpm ? added.weightMillis() : 0),
        bpm ? Math.min(t.bpmMin(), added.value()) : t.bpmMin(),
        bpm ? Math.max(t.bpmMax(), added.value()) : t.bpmMax(),
        withDevice(t.devices(), identity.deviceName()),
        Math.max(t.updatedAtMillis(), added.receivedAtMillis()));
  }

  private DayTotals replaced(SampleIdentity identity, Contribution old, Contribution next) {
    DayTotals t = totals;
    boolean bpm = SampleRules.BPM.equals(identity.dataType());
    boolean lostExtreme =
        bpm
            && (old.value() == t.bpmMin() && next.value() > old.value()
                || old.value() == t.bpmMax() && next.value() < old.value());
    boolean lostLatest =
        old.receivedAtMillis() == t.updatedAtMillis()
            && next.receivedAtMillis() < old.receivedAtMillis();
    double min;
    double max;
    long updatedAt;
    if (lostExtreme || lostLatest) {
      Extremes extremes = rescan();
      min = extremes.bpmMin;
      max = extremes.bpmMax;
      updatedAt = extremes.latestReceivedAt;
    } else {
      min = bpm ? Math.min(t.bpmMin(), next.value()) : t.bpmMin();
      max = bpm ? Math.max(t.bpmMax(), next.value()) : t.bpmMax();
      updatedAt = Math.max(t.updatedAtMillis(), next.receivedAtMillis());
    }
    return new DayTotals(
        t.stepsMicros() - old.stepsMicros() + next.stepsMicros(),
        t.sampleCount(),
        t.bpmCount(),
        bpm ? t.bpmWeighted() - old.bpmWeighted() + next.bpmWeighted() : t.bpmWeighted(),
        bpm ? t.bpmWeightMillis() - old.weightMillis() + next.weightMillis() : t.bpmWeightMillis(),
        min,
        max,
        t.devices(),
        updatedAt);
  }

  private Extremes rescan() {
    Extremes extremes = new Extremes();
    contributions.forEach(
        (identity, contribution) -> {
          if (SampleRules.BPM.equals(identity.dataType())) {
            extremes.bpmMin = Math.min(extremes.bpmMin, contribution.value());
            extremes.bpmMax = Math.max(extremes.bpmMax, contribution.value());
          }
          extremes.latestReceivedAt =
              Math.max(extremes.latestReceivedAt, contribution.receivedAtMillis());
        });
    return extremes;
  }

  private static List<String> withDevice(List<String> devices, String device) {
    int at = Collections.binarySearch(devices, device);
    if (at >= 0) {
      return devices;
    }
    List<String> more = new ArrayList<>(devices.size() + 1);
    more.addAll(devices);
    more.add(-at - 1, device);
    return Collections.unmodifiableList(more);
  }

  private static final class Extremes {
    double bpmMin = Double.POSITIVE_INFINITY;
    double bpmMax = Double.NEGATIVE_INFINITY;
    long latestReceivedAt = Long.MIN_VALUE;
  }
}
