package io.wearflow.jobs.timeframe;

import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by device id: computes every timeframe of the device from its tracking frames and publishes
 * each changed timeframe at most once per {@code emitInterval} (processing time), as final once the
 * device's time (its newest frame or the watermark) or the wall clock has passed the timeframe's
 * end by {@code lateness}. Everything lives in keyed state:
 *
 * <ul>
 *   <li>{@code frames}: the device's frames by timestamp (a resent frame is ignored), kept while a
 *       timeframe may need them: the last {@code retention} before the newest frame, so that a
 *       timeframe created or changed afterwards is computed exactly, and any frame inside a
 *       timeframe that is not final or ended less than {@code retention} before the newest frame;
 *   <li>{@code timeframes}: per timeframe id, its {@link TimeframeProgress};
 *   <li>{@code newest}: the newest frame's timestamp; {@code purged}: the retention horizon of the
 *       last purge; {@code emission}: the pending publication timer; {@code published}: when the
 *       device last published.
 * </ul>
 *
 * <p>Publication is throttled from the leading edge: a change after a quiet {@code emitInterval} is
 * published {@link #COALESCE_MILLIS} later (long enough to take in the rest of the frames that came
 * in the same poll of the topic), and changes during the interval wait for its end. A device
 * posting every 100-200 ms is thus published a few ms after each post, not up to {@code
 * emitInterval} later.
 *
 * <p>A new definition is recomputed from the stored frames, and so is a timeframe that receives a
 * frame older than its last one; a dropped timeframe publishes nothing more. When the input ends
 * (watermark at the end of time) every timeframe is published as final.
 */
final class TimeframeCalculator
    extends KeyedCoProcessFunction<
        Long, TrackingFrame, DeviceTimeframeChange, TimeframeComputedData> {

  private static final long serialVersionUID = 1L;

  /** Frames without a complete position pair (the edge rejects them; a safety net). */
  static final OutputTag<DeadLetter> INVALID_FRAMES =
      new OutputTag<>("invalid-frames", TypeInformation.of(DeadLetter.class));

  /** How long a change after a quiet period waits for the frames that came with it, ms. */
  static final long COALESCE_MILLIS = 5;

  /** How far the retention horizon moves between two purges of a device's frames, ms. */
  static final long PURGE_STEP = 60_000;

  private final String jobName;
  private final String trackingTopic;
  private final long emitInterval;
  private final long lateness;
  private final long retention;

  private transient MapState<Long, Frame> frames;
  private transient MapState<Long, TimeframeProgress> timeframes;
  private transient ValueState<Long> newest;
  private transient ValueState<Long> purged;
  private transient ValueState<Long> emission;
  private transient ValueState<Long> published;

  /**
   * @param emitInterval longest time a change waits before it is published
   * @param lateness how long after a timeframe's end its result becomes final
   * @param retention how much event time before the newest frame is kept for future timeframes
   */
  TimeframeCalculator(
      String jobName,
      String trackingTopic,
      Duration emitInterval,
      Duration lateness,
      Duration retention) {
    this.jobName = jobName;
    this.trackingTopic = trackingTopic;
    this.emitInterval = emitInterval.toMillis();
    this.lateness = lateness.toMillis();
    this.retention = retention.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    frames =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("frames", Types.LONG, TypeInformation.of(Frame.class)));
    timeframes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "timeframes", LongSerializer.INSTANCE, JavaSerializer.instance()));
    newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Types.LONG));
    purged = getRuntimeContext().getState(new ValueStateDescriptor<>("purged", Types.LONG));
    emission = getRuntimeContext().getState(new ValueStateDescriptor<>("emission", Types.LONG));
    published = getRuntimeContext().getState(new ValueStateDescriptor<>("published", Types.LONG));
  }

  @Override
  public void processElement1(
      TrackingFrame tracking, Context ctx, Collector<TimeframeComputedData> out) throws Exception {
    Frame frame = TrackingFrames.toFrame(tracking);
    if (frame == null) {
      ctx.output(INVALID_FRAMES, invalid(tracking));
      return;
    }
    long t = frame.timestamp();
    if (frames.contains(t)) {
      return;
    }
    Long previous = newest.value();
    long newestTimestamp = previous == null ? t : Math.max(previous, t);
    long horizon = newestTimestamp - retention;
    boolean changed = false;
    boolean covered = false;
    boolean completes = false;
    for (Map.Entry<Long, TimeframeProgress> entry : timeframes.entries()) {
      TimeframeProgress progress = entry.getValue();
      covered |= progress.covers(t);
      if (progress.offer(frame)) {
        timeframes.put(entry.getKey(), progress);
        changed = true;
      }
      completes |= !progress.isFinal() && newestTimestamp >= progress.end() + lateness;
    }
    if (t < horizon && !covered) {
      return; // too old for the retention and for every timeframe
    }
    frames.put(t, frame);
    newest.update(newestTimestamp);
    if (changed || completes) {
      scheduleEmission(ctx.timerService());
    }
    Long lastPurge = purged.value();
    if (lastPurge == null) {
      purged.update(horizon);
    } else if (horizon - lastPurge >= PURGE_STEP) {
      purge(horizon);
      purged.update(horizon);
    }
  }

  @Override
  public void processElement2(
      DeviceTimeframeChange change, Context ctx, Collector<TimeframeComputedData> out)
      throws Exception {
    TimeframeProgress known = timeframes.get(change.timeframeId);
    TimeframeDefinition definition = change.definition;
    if (definition == null) {
      if (known != null) {
        timeframes.remove(change.timeframeId);
        releaseTimers(ctx.timerService(), known.end());
        clearIfEmpty(ctx.timerService());
      }
      return;
    }
    if (known != null && known.version() >= definition.getVersion()) {
      return;
    }
    TimeframeProgress progress =
        new TimeframeProgress(
            definition.getVersion(),
            definition.getStartTime().toEpochMilli(),
            definition.getEndTime().toEpochMilli(),
            TimeframeJson.params(definition.getParamsJson()));
    timeframes.put(change.timeframeId, progress);
    if (known != null && known.end() != progress.end()) {
      releaseTimers(ctx.timerService(), known.end());
    }
    long finalAt = finalAt(progress.end());
    ctx.timerService().registerProcessingTimeTimer(finalAt);
    ctx.timerService().registerEventTimeTimer(finalAt);
    scheduleEmission(ctx.timerService());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TimeframeComputedData> out)
      throws Exception {
    Long pending = emission.value();
    if (pending != null) {
      // Whichever of the pair fired, this publication covers both.
      ctx.timerService().deleteProcessingTimeTimer(pending);
      ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
      emission.clear();
    }
    publish(ctx, out);
  }

  /** Publishes every changed timeframe, recomputing stale ones and completing past ones first. */
  private void publish(OnTimerContext ctx, Collector<TimeframeComputedData> out) throws Exception {
    long processingTime = ctx.timerService().currentProcessingTime();
    published.update(processingTime);
    Long newestTimestamp = newest.value();
    long deviceTime =
        Math.max(
            Math.max(ctx.timerService().currentWatermark(), processingTime),
            newestTimestamp == null ? Long.MIN_VALUE : newestTimestamp);
    List<Frame> ordered = null;
    List<Map.Entry<Long, TimeframeProgress>> entries = new ArrayList<>();
    timeframes.entries().forEach(entries::add);
    for (Map.Entry<Long, TimeframeProgress> entry : entries) {
      TimeframeProgress progress = entry.getValue();
      boolean changed = false;
      if (progress.isStale()) {
        if (ordered == null) {
          ordered = orderedFrames();
        }
        progress.recompute(ordered);
        changed = true;
      }
      changed |= progress.completeIfPast(deviceTime, lateness);
      if (progress.isDirty()) {
        if (progress.isFinal()) {
          releaseTimers(ctx.timerService(), progress.end());
        }
        out.collect(snapshot(ctx.getCurrentKey(), entry.getKey(), progress, processingTime));
        changed = true;
      }
      if (changed) {
        timeframes.put(entry.getKey(), progress);
      }
    }
  }

  private TimeframeComputedData snapshot(
      long deviceId, long timeframeId, TimeframeProgress progress, long now) {
    return TimeframeComputedData.newBuilder()
        .setTimeframeId(timeframeId)
        .setTimeframeVersion(progress.version())
        .setDeviceId(deviceId)
        .setComputedAt(Instant.ofEpochMilli(now))
        .setFinal$(progress.isFinal())
        .setDataJson(TimeframeJson.render(progress.publish(now)))
        .build();
  }

  private List<Frame> orderedFrames() throws Exception {
    List<Frame> ordered = new ArrayList<>();
    frames.values().forEach(ordered::add);
    ordered.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    return ordered;
  }

  /**
   * Drops the frames before {@code horizon} that no timeframe needs: none that is not final or
   * ended after the horizon covers them.
   */
  private void purge(long horizon) throws Exception {
    List<TimeframeProgress> needing = new ArrayList<>();
    for (TimeframeProgress progress : timeframes.values()) {
      if (!progress.isFinal() || progress.end() >= horizon) {
        needing.add(progress);
      }
    }
    List<Long> released = new ArrayList<>();
    for (Long t : frames.keys()) {
      if (t < horizon && needing.stream().noneMatch(p -> p.covers(t))) {
        released.add(t);
      }
    }
    for (Long t : released) {
      frames.remove(t);
    }
  }

  /**
   * Publishes the changes {@link #COALESCE_MILLIS} from now, or {@code emitInterval} after the last
   * publication if that is later, or at the end of the input, whichever comes first
   * (processing-time timers do not fire once a bounded input has ended).
   */
  private void scheduleEmission(TimerService timers) throws Exception {
    if (emission.value() == null) {
      long now = timers.currentProcessingTime();
      Long last = published.value();
      long soonest = now + Math.min(COALESCE_MILLIS, emitInterval);
      long at = last == null ? soonest : Math.max(soonest, last + emitInterval);
      timers.registerProcessingTimeTimer(at);
      timers.registerEventTimeTimer(Long.MAX_VALUE);
      emission.update(at);
    }
  }

  /** Deletes the finalisation timers at {@code end}, unless another timeframe ends then too. */
  private void releaseTimers(TimerService timers, long end) throws Exception {
    for (TimeframeProgress other : timeframes.values()) {
      if (other.end() == end && !other.isFinal()) {
        return;
      }
    }
    long finalAt = finalAt(end);
    timers.deleteProcessingTimeTimer(finalAt);
    timers.deleteEventTimeTimer(finalAt);
  }

  /** Forgets a device that has neither timeframes nor frames left. */
  private void clearIfEmpty(TimerService timers) throws Exception {
    if (timeframes.isEmpty() && frames.isEmpty()) {
      Long pending = emission.value();
      if (pending != null) {
        timers.deleteProcessingTimeTimer(pending);
        timers.deleteEventTimeTimer(Long.MAX_VALUE);
      }
      newest.clear();
      purged.clear();
      emission.clear();
      published.clear();
    }
  }

  private DeadLetter invalid(TrackingFrame frame) {
    return DeadLetter.newBuilder()
        .setJob(jobName)
        .setTopic(trackingTopic)
        .setPartition(-1)
        .setOffset(-1)
        .setKey(
            ByteBuffer.wrap(Long.toString(frame.getDeviceId()).getBytes(StandardCharsets.UTF_8)))
        .setValue(null)
        .setReason("frame without a complete position (x/y or latitude/longitude): " + frame)
        .setFailedAt(Instant.now())
        .build();
  }

  /** When a timeframe ending at {@code end} becomes final (below the end-of-input timer). */
  private long finalAt(long end) {
    long sum = end + lateness;
    return sum < end ? Long.MAX_VALUE - 1 : Math.min(sum, Long.MAX_VALUE - 1);
  }
}
