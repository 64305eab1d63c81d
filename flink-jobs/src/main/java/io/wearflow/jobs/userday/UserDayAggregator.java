package io.wearflow.jobs.userday;

import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.OutputTag;

/**
 * Flink adapter of {@link UserDayAccumulator}, keyed by {@link UserDayKey}. State per user-day: a
 * {@link MapState} of {@link Contribution} by {@link SampleIdentity} and the {@link DayTotals}.
 *
 * <p>On every change it emits the whole updated {@link UserDay} (the table sink coalesces rows per
 * key), and on the sample's start day also the sample itself to {@link #CHANGED_SAMPLES}, so each
 * new or corrected sample is exported once. Resends emit nothing. It registers no timers: rows go
 * out as they change, which also works at the end of bounded input.
 */
public final class UserDayAggregator extends KeyedProcessFunction<UserDayKey, DayPortion, UserDay> {

  /** New or corrected samples, each once (from the portion of its start day). */
  public static final OutputTag<Sample> CHANGED_SAMPLES =
      new OutputTag<>("changed-samples", TypeInformation.of(Sample.class));

  private transient MapState<SampleIdentity, Contribution> contributions;
  private transient ValueState<DayTotals> totals;
  private transient ContributionStore store;
  private transient Counter added;
  private transient Counter replaced;
  private transient Counter unchanged;

  @Override
  public void open(OpenContext openContext) {
    contributions =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "contributions",
                    TypeInformation.of(SampleIdentity.class),
                    TypeInformation.of(Contribution.class)));
    totals =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("totals", TypeInformation.of(DayTotals.class)));
    store = new MapStateStore(contributions);
    added = getRuntimeContext().getMetricGroup().counter("samplesAdded");
    replaced = getRuntimeContext().getMetricGroup().counter("samplesReplaced");
    unchanged = getRuntimeContext().getMetricGroup().counter("samplesUnchanged");
  }

  @Override
  public void processElement(DayPortion portion, Context ctx, Collector<UserDay> out)
      throws Exception {
    DayTotals current = totals.value();
    UserDayAccumulator day =
        new UserDayAccumulator(
            ctx.getCurrentKey(), current == null ? DayTotals.EMPTY : current, store);
    switch (day.upsert(portion)) {
      case UNCHANGED -> {
        unchanged.inc();
        return;
      }
      case ADDED -> added.inc();
      case REPLACED -> replaced.inc();
    }
    totals.update(day.totals());
    out.collect(day.toUserDay());
    if (portion.startDay()) {
      ctx.output(CHANGED_SAMPLES, portion.sample());
    }
  }

  /** The current key's contributions as a {@link ContributionStore}. */
  private record MapStateStore(MapState<SampleIdentity, Contribution> state)
      implements ContributionStore {

    @Override
    public Contribution get(SampleIdentity identity) {
      try {
        return state.get(identity);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot read the contribution of " + identity, e);
      }
    }

    @Override
    public void put(SampleIdentity identity, Contribution contribution) {
      try {
        state.put(identity, contribution);
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot store the contribution of " + identity, e);
      }
    }

    @Override
    public void forEach(BiConsumer<SampleIdentity, Contribution> action) {
      try {
        for (Map.Entry<SampleIdentity, Contribution> entry : state.entries()) {
          action.accept(entry.getKey(), entry.getValue());
        }
      } catch (Exception e) {
        throw new FlinkRuntimeException("Cannot read the day's contributions", e);
      }
    }
  }
}
