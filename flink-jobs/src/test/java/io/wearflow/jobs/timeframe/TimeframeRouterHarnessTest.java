package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing of timeframe changes to devices, keyed by timeframe id. */
class TimeframeRouterHarnessTest {

  private KeyedOneInputStreamOperatorTestHarness<Long, TimeframeChange, DeviceTimeframeChange>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TimeframeRouter()),
            change -> change.timeframeId,
            Types.LONG);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void onlyANewerVersionReachesTheDevice() throws Exception {
    send(TimeframeChange.upsert(definition(1, 2, 7)));
    send(TimeframeChange.upsert(definition(1, 2, 7))); // duplicate from the relay
    send(TimeframeChange.upsert(definition(1, 1, 7))); // replay of an older version
    send(TimeframeChange.upsert(definition(1, 3, 7)));

    assertThat(routed()).containsExactly("assign 1 v2 on 7", "assign 1 v3 on 7");
  }

  @Test
  void aMovedTimeframeIsDroppedFromItsOldDevice() throws Exception {
    send(TimeframeChange.upsert(definition(1, 1, 7)));
    send(TimeframeChange.upsert(definition(1, 2, 8)));

    assertThat(routed()).containsExactly("assign 1 v1 on 7", "drop 1 on 7", "assign 1 v2 on 8");
  }

  @Test
  void aTombstoneDropsTheTimeframeAndForgetsIt() throws Exception {
    send(TimeframeChange.deletion(1)); // unknown: nothing to drop
    send(TimeframeChange.upsert(definition(1, 4, 7)));
    send(TimeframeChange.deletion(1));

    assertThat(routed()).containsExactly("assign 1 v4 on 7", "drop 1 on 7");
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  private void send(TimeframeChange change) throws Exception {
    harness.processElement(change, 0);
  }

  private List<String> routed() {
    return harness.extractOutputValues().stream()
        .map(
            c ->
                c.definition == null
                    ? "drop " + c.timeframeId + " on " + c.deviceId
                    : "assign "
                        + c.timeframeId
                        + " v"
                        + c.definition.getVersion()
                        + " on "
                        + c.deviceId)
        .toList();
  }

  static TimeframeDefinition definition(long id, long version, long device) {
    return TimeframeDefinition.newBuilder()
        .setTimeframeId(id)
        .setVersion(version)
        .setDeviceId(device)
        .setAthleteId(3)
        .setOwnerId(2)
        .setStartTime(Instant.parse("2026-05-01T14:00:00Z"))
        .setEndTime(Instant.parse("2026-05-01T14:45:00Z"))
        .setParamsJson("{}")
        .build();
  }
}
