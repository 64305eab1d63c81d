package io.wearflow.jobs.timeframe;

import io.wearflow.schemas.timeframes.TimeframeDefinition;

/**
 * What a device's computation must do about one timeframe: take on its (new) definition, or drop it
 * because it was deleted or moved to another device. A Flink POJO, keyed by {@link #deviceId}.
 */
public final class DeviceTimeframeChange {

  /** The device whose computation the change is for. */
  public long deviceId;

  /** Id of the timeframe. */
  public long timeframeId;

  /** The definition to compute with; null: drop the timeframe from this device. */
  public TimeframeDefinition definition;

  public DeviceTimeframeChange() {}

  DeviceTimeframeChange(long deviceId, long timeframeId, TimeframeDefinition definition) {
    this.deviceId = deviceId;
    this.timeframeId = timeframeId;
    this.definition = definition;
  }

  /** The device computes {@code definition} from now on. */
  public static DeviceTimeframeChange assign(TimeframeDefinition definition) {
    return new DeviceTimeframeChange(
        definition.getDeviceId(), definition.getTimeframeId(), definition);
  }

  /** The device stops computing the timeframe. */
  public static DeviceTimeframeChange drop(long deviceId, long timeframeId) {
    return new DeviceTimeframeChange(deviceId, timeframeId, null);
  }

  @Override
  public String toString() {
    return (definition == null ? "drop " : "assign ") + timeframeId + " on device " + deviceId;
  }
}
