package io.wearflow.infra.soak;

import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pipeline must make of a set of distinct steps samples, computed in plain Java without
 * any of its code: per user and local day ({@code "<user id> <date>"}) the steps and the sample
 * count, and the totals the samples export must hold. Only for samples that do not cross midnight
 * in their offset (as {@link SampleStream}'s); the caller adds each distinct sample once.
 */
public final class GroundTruth {

  private final Map<String, DayTotal> days = new TreeMap<>();
  private long samples;
  private long steps;

  /** Adds one distinct sample. */
  public void add(Sample sample) {
    Instant start = sample.getStartTime();
    LocalDate day =
        LocalDate.ofInstant(start, ZoneOffset.ofTotalSeconds(sample.getZoneOffsetSeconds()));
    long value = (long) sample.getValue();
    days.merge(
        sample.getUserId() + " " + day,
        new DayTotal(value, 1),
        (a, b) -> new DayTotal(a.steps() + b.steps(), a.samples() + b.samples()));
    samples++;
    steps += value;
  }

  /** Adds user u's samples {@code first} to {@code end - 1} of {@code stream}. */
  public GroundTruth addRange(SampleStream stream, int u, int first, int end) {
    for (int k = first; k < end; k++) {
      add(stream.sample(u, k));
    }
    return this;
  }

  /** {@code "<user id> <date>"} to the day's expected total. */
  public Map<String, DayTotal> userDays() {
    return Collections.unmodifiableMap(new TreeMap<>(days));
  }

  /** Distinct samples added. */
  public long samples() {
    return samples;
  }

  /** Steps of all samples added. */
  public long steps() {
    return steps;
  }
}
