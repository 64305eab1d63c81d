package io.wearflow.jobs.timeframe;

import io.wearflow.schemas.timeframes.TimeframeDefinition;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by timeframe id: keeps each timeframe's newest definition and tells the devices what
 * changed. An older or equal version (a replay, a duplicate from the outbox relay) changes nothing;
 * a newer one is assigned to its device, and dropped from the previous device if it moved; a
 * deletion drops it from its device and forgets it.
 */
final class TimeframeRouter
    extends KeyedProcessFunction<Long, TimeframeChange, DeviceTimeframeChange> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<TimeframeDefinition> current;

  @Override
  public void open(OpenContext openContext) {
    current =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "definition", TypeInformation.of(TimeframeDefinition.class)));
  }

  @Override
  public void processElement(
      TimeframeChange change, Context ctx, Collector<DeviceTimeframeChange> out) throws Exception {
    TimeframeDefinition known = current.value();
    TimeframeDefinition next = change.definition;
    if (next == null) {
      if (known != null) {
        out.collect(DeviceTimeframeChange.drop(known.getDeviceId(), change.timeframeId));
        current.clear();
      }
      return;
    }
    if (known != null && known.getVersion() >= next.getVersion()) {
      return;
    }
    if (known != null && known.getDeviceId() != next.getDeviceId()) {
      out.collect(DeviceTimeframeChange.drop(known.getDeviceId(), change.timeframeId));
    }
    current.update(next);
    out.collect(DeviceTimeframeChange.assign(next));
  }
}
