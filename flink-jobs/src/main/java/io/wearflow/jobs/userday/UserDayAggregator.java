package io.wearflow.jobs.userday;

import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.OutputTag;

/**
 * Flink adapter of {@link UserDayAccumulator}, keyed by user id.
 *
 * <p><b>State</b> per user: {@code contributions}, a {@link MapState} of {@link Contribution} by
 * {@link SampleIdentity} (the current value of each measurement); {@code days}, a {@link MapState}
 * of {@link DayState} by local epoch day (incrementally maintained per-minute, per-source and
 * heart-rate sums, the dirty mark and the publication count); {@code nextEmission}, the time of the
 * pending emission timer. Keying by user, not by user-day, lets a correction that moves a
 * measurement to another day (a new offset or day-start hour) take it back from the old day.
 *
 * <p><b>Emission</b> is coalesced: a change marks its days dirty (in keyed state, so a restore
 * keeps the mark) and registers one processing-time timer per user, {@code emitInterval} later; the
 * timer publishes every dirty day of the user. A busy day is thus published about once per interval
 * however many measurements it receives, and a change is never lost: the mark and the timer are
 * both part of checkpoints. Every new or corrected sample goes once, right away, to {@link
 * #CHANGED_SAMPLES}.
 *
 * <p><b>Lateness and cleanup</b> run on event time, the received_at watermark: creating a day
 * registers an event-time timer at its {@link Lateness#releaseTime}; when it fires, the day is
 * published one last time if dirty, then its state and the measurements ending in it are dropped.
 * The watermark, not the wall clock, decides, so replays release the same days. A measurement that
 * reaches a released day goes to {@link #TOO_LATE} and the {@code samplesTooLate} metric. At the
 * end of bounded input the watermark jumps to its maximum, which publishes every dirty day before
 * the job finishes (pending processing-time timers would not fire then).
 */
public final class UserDayAggregator extends KeyedProcessFunction<Long, Sample, PublishedUserDay> {

  private static final long serialVersionUID = 1L;

  /** New or corrected samples, each once. */
  public static final OutputTag<Sample> CHANGED_SAMPLES =
      new OutputTag<>("changed-samples", TypeInformation.of(Sample.class));

  /** Samples reaching a day whose state was already released. */
  public static final OutputTag<DeadLetter> TOO_LATE =
      new OutputTag<>("samples-too-late", TypeInformation.of(DeadLetter.class));

  private final String jobName;
  private final String topic;
  private final long emitIntervalMillis;

  private transient MapState<SampleIdentity, Contribution> contributions;
  private transient MapState<Long, DayState> days;
  private transient ValueState<Long> nextEmission;
  private transient FlinkStateStore store;
  private transient Counter added;
  private transient Counter replaced;
  private transient Counter unchanged;
  private transient Counter tooLate;
  private transient Counter daysPublished;

  /**
   * @param jobName the job named in dead letters
   * @param topic the topic named in dead letters
   * @param emitInterval how long a changed day waits before it is published
   */
  public UserDayAggregator(String jobName, String topic, Duration emitInterval) {
    if (emitInterval.isNegative() || emitInterval.isZero()) {
      throw new IllegalArgumentException("emitInterval must be positive: " + emitInterval);
    }
    this.jobName = jobName;
    this.topic = topic;
    this.emitIntervalMillis = emitInterval.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    contributions =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "contributions",
                    TypeInformation.of(SampleIdentity.class),
                    TypeInformation.of(Contribution.class)));
    days =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(DayState.class)));
    nextEmission =
        getRuntimeContext().getState(new ValueStateDescriptor<>("next-emission", Types.LONG));
    store = new FlinkStateStore();
    added = getRuntimeContext().getMetricGroup().counter("samplesAdded");
    replaced = getRuntimeContext().getMetricGroup().counter("samplesReplaced");
    unchanged = getRuntimeContext().getMetricGroup().counter("samplesUnchanged");
    tooLate = getRuntimeContext().getMetricGroup().counter("samplesTooLate");
    daysPublished = getRuntimeContext().getMetricGroup().counter("daysPublished");
  }

  @Override
  public void processElement(Sample sample, Context ctx, Collector<PublishedUserDay> out)
      throws Exception {
    store.timers = ctx.timerService();
    UserDayAccumulator user = new UserDayAccumulator(ctx.getCurrentKey(), store);
    UserDayAccumulator.Change change = user.upsert(sample, ctx.timerService().currentWatermark());
    switch (change) {
      case UNCHANGED -> unchanged.inc();
      case TOO_LATE -> {
        tooLate.inc();
        ctx.output(
            TOO_LATE,
            SampleDeadLetters.of(
                jobName,
                topic,
                sample,
                Lateness.dayReleased(UserDayAccumulator.firstDay(sample)),
                Instant.ofEpochMilli(System.currentTimeMillis())));
      }
      case ADDED, REPLACED -> {
        (change == UserDayAccumulator.Change.ADDED ? added : replaced).inc();
        ctx.output(CHANGED_SAMPLES, sample);
        scheduleEmission(ctx.timerService());
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<PublishedUserDay> out)
      throws Exception {
    store.timers = ctx.timerService();
    UserDayAccumulator user = new UserDayAccumulator(ctx.getCurrentKey(), store);
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      nextEmission.clear();
      for (PublishedUserDay day : user.publishChanged()) {
        emit(day, out);
      }
      return;
    }
    user.release(Lateness.releasedDay(timestamp)).ifPresent(day -> emit(day, out));
    if (days.isEmpty()) {
      // Nothing of the user is left: drop the (now empty) maps and the pending emission.
      contributions.clear();
      days.clear();
      Long pending = nextEmission.value();
      if (pending != null) {
        ctx.timerService().deleteProcessingTimeTimer(pending);
        nextEmission.clear();
      }
    }
  }

  private void emit(PublishedUserDay day, Collector<PublishedUserDay> out) {
    daysPublished.inc();
    out.collect(day);
  }

  private void scheduleEmission(TimerService timers) throws Exception {
    if (nextEmission.value() == null) {
      long at = timers.currentProcessingTime() + emitIntervalMillis;
      timers.registerProcessingTimeTimer(at);
      nextEmission.update(at);
    }
  }

  /** The current user's keyed state as a {@link DayStateStore}. */
  private final class FlinkStateStore implements DayStateStore {

    /** The timer service of the call being handled. */
    TimerService timers;

    @Override
    public Contribution contribution(SampleIdentity identity) {
      try {
        return contributions.get(identity);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot read the contribution of " + identity, e);
      }
    }

    @Override
    public void putContribution(SampleIdentity identity, Contribution contribution) {
      try {
        contributions.put(identity, contribution);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot store the contribution of " + identity, e);
      }
    }

    @Override
    public void removeContributionsIf(BiPredicate<SampleIdentity, Contribution> test) {
      try {
        Iterator<Map.Entry<SampleIdentity, Contribution>> entries = contributions.iterator();
        while (entries.hasNext()) {
          Map.Entry<SampleIdentity, Contribution> entry = entries.next();
          if (test.test(entry.getKey(), entry.getValue())) {
            entries.remove();
          }
        }
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot release contributions", e);
      }
    }

    @Override
    public DayState day(long epochDay) {
      try {
        return days.get(epochDay);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot read day " + epochDay, e);
      }
    }

    @Override
    public DayState newDay(long epochDay) {
      DayState day = new DayState();
      putDay(epochDay, day);
      timers.registerEventTimeTimer(Lateness.releaseTime(epochDay));
      return day;
    }

    @Override
    public void putDay(long epochDay, DayState day) {
      try {
        days.put(epochDay, day);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot store day " + epochDay, e);
      }
    }

    @Override
    public void removeDay(long epochDay) {
      try {
        days.remove(epochDay);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot remove day " + epochDay, e);
      }
    }

    @Override
    public void forEachDay(BiConsumer<Long, DayState> action) {
      try {
        for (Map.Entry<Long, DayState> entry : days.entries()) {
          action.accept(entry.getKey(), entry.getValue());
        }
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot read the days", e);
      }
    }
  }
}
