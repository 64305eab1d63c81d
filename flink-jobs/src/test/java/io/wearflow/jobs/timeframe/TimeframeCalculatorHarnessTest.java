package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeMetrics;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-device computation with explicit processing time: device 7 walks east 1 m per frame at 10
 * Hz (10 m/s) from {@link #T0}, so a window of {@code n} seconds of frames is {@code 10 n} metres.
 * Publications come on the processing-time tick, one per changed timeframe.
 */
class TimeframeCalculatorHarnessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = Instant.parse("2026-05-01T14:00:00Z").toEpochMilli();
  private static final long DEVICE = 7;
  private static final Duration LATENESS = Duration.ofSeconds(5);

  private KeyedTwoInputStreamOperatorTestHarness<
          Long, TrackingFrame, DeviceTimeframeChange, TimeframeComputedData>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
    harness.setProcessingTime(0);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void framesThatArrivedBeforeTheTimeframeAreUsed() throws Exception {
    walk(0, 18_000);
    assign(1, 1, 5_000, 15_000);
    assertThat(harness.extractOutputValues()).isEmpty();

    tick(1000);

    assertThat(published())
        .extracting(
            TimeframeComputedData::getTimeframeId,
            TimeframeComputedData::getTimeframeVersion,
            TimeframeComputedData::getDeviceId,
            TimeframeComputedData::getFinal$,
            d -> distance(d),
            d -> json(d).get("first_timestamp").asLong(),
            d -> json(d).get("last_timestamp").asLong())
        .containsExactly(tuple(1L, 1L, DEVICE, false, 100.0, T0 + 5_000, T0 + 15_000));
  }

  @Test
  void aChangeAfterAQuietIntervalIsPublishedAtOnceAndLaterOnesWaitForTheInterval()
      throws Exception {
    // The harness publishes at most once per second.
    walk(0, 1_000);
    assign(1, 1, 0, 60_000);
    tick(TimeframeCalculator.COALESCE_MILLIS - 1);
    assertThat(published()).isEmpty();
    tick(TimeframeCalculator.COALESCE_MILLIS);
    assertThat(published()).extracting(d -> distance(d)).containsExactly(10.0);

    tick(300);
    walk(1_100, 2_000);
    tick(TimeframeCalculator.COALESCE_MILLIS + 999);
    assertThat(published()).hasSize(1);
    tick(TimeframeCalculator.COALESCE_MILLIS + 1_000);
    assertThat(published()).extracting(d -> distance(d)).containsExactly(10.0, 20.0);

    tick(5_000);
    walk(2_100, 3_000);
    tick(5_000 + TimeframeCalculator.COALESCE_MILLIS);
    assertThat(published()).extracting(d -> distance(d)).containsExactly(10.0, 20.0, 30.0);
  }

  @Test
  void anUpdatedWindowIsRecomputedFromTheStoredFrames() throws Exception {
    walk(0, 18_000);
    assign(1, 1, 5_000, 15_000);
    tick(1000);

    assign(1, 2, 10_000, 18_000);
    assign(1, 1, 0, 1_000); // a replay of an older version changes nothing
    tick(2000);

    assertThat(published())
        .extracting(TimeframeComputedData::getTimeframeVersion, d -> distance(d))
        .containsExactly(tuple(1L, 100.0), tuple(2L, 80.0));
  }

  @Test
  void aDroppedTimeframePublishesNothingMore() throws Exception {
    assign(1, 1, 0, 60_000);
    walk(0, 10_000);
    harness.processElement2(DeviceTimeframeChange.drop(DEVICE, 1), 0);
    walk(10_100, 20_000);

    tick(1000);
    tick(2000);

    assertThat(published()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aResentFrameIsCountedOnce() throws Exception {
    assign(1, 1, 0, 60_000);
    walk(0, 10_000);
    tick(1000);
    walk(0, 10_000); // the same batch again
    harness.processElement1(frame(5_000, 99, 99), 0); // a different value for a seen timestamp
    tick(2000);

    assertThat(published()).extracting(d -> distance(d)).containsExactly(100.0);
  }

  @Test
  void aFrameOlderThanTheLastOneTriggersARecomputation() throws Exception {
    assign(1, 1, 0, 60_000);
    walk(0, 4_900);
    walk(5_100, 10_000);
    tick(1000);
    // The missing frame at 5 s lies 3 m north of the line: the path grows by 2 * sqrt(10) - 2 m.
    harness.processElement1(frame(5_000, 50, 3), 0);
    tick(2000);

    assertThat(published())
        .extracting(d -> distance(d))
        .containsExactly(100.0, Math.round((98.0 + 2 * Math.sqrt(10)) * 1e6) / 1e6);
  }

  @Test
  void theResultIsFinalOnceTheDevicePassesTheEndByTheLateness() throws Exception {
    assign(1, 1, 2_000, 8_000);
    walk(0, 10_000);
    tick(1000);
    walk(10_100, 13_000); // the newest frame reaches end + lateness
    tick(2000);

    List<TimeframeComputedData> published = published();
    assertThat(published).extracting(TimeframeComputedData::getFinal$).containsExactly(false, true);
    TimeframeComputedData last = published.get(1);
    assertThat(last.getDataJson()).isEqualTo(directRun(2_000, 8_000, 0, 13_000, 2000));
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aTimeframeThatEndedLongAgoIsFinalWithoutNewFrames() throws Exception {
    walk(0, 10_000);
    harness.setProcessingTime(T0 + 3_600_000);
    assign(1, 1, 1_000, 3_000);

    tick(T0 + 3_601_000);

    assertThat(published())
        .extracting(TimeframeComputedData::getFinal$, d -> distance(d))
        .containsExactly(tuple(true, 20.0));
  }

  @Test
  void theEndOfTheInputPublishesEveryTimeframeAsFinal() throws Exception {
    assign(1, 1, 0, 60_000);
    assign(2, 1, 5_000, 7_000);
    walk(0, 10_000);

    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

    assertThat(published())
        .extracting(
            TimeframeComputedData::getTimeframeId,
            TimeframeComputedData::getFinal$,
            d -> distance(d))
        .containsExactlyInAnyOrder(tuple(1L, true, 100.0), tuple(2L, true, 20.0));
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aRestoredDeviceContinuesWithItsFramesAndMetrics() throws Exception {
    assign(1, 1, 0, 60_000);
    walk(0, 5_000);
    tick(1000);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.setProcessingTime(1000);
    harness.initializeState(snapshot);
    harness.open();
    walk(5_000, 10_000); // the frame at 5 s again, then new ones
    tick(2000);

    // The new harness holds only what was published after the restore.
    assertThat(published()).extracting(d -> distance(d)).containsExactly(100.0);
  }

  @Test
  void framesNoTimeframeNeedsAreReleasedOnceOlderThanTheRetention() throws Exception {
    harness.close();
    harness = newHarness(Duration.ofSeconds(10));
    harness.open();
    harness.setProcessingTime(0);
    assign(1, 1, 0, 5_000);
    assign(2, 1, 40_000, 200_000); // open: keeps its frames
    walk(0, 20_000);
    tick(1000); // timeframe 1 is final: the device is past 5 s + lateness
    walk(20_100, 90_000); // the retention horizon passes 60 s: a purge

    assign(3, 1, 0, 90_000);
    tick(2000);

    // Kept: 40-60 s for timeframe 2, 60-90 s for the retention; 0-40 s are gone.
    assertThat(published())
        .filteredOn(d -> d.getTimeframeId() == 3)
        .extracting(d -> json(d).get("first_timestamp").asLong(), d -> distance(d))
        .containsExactly(tuple(T0 + 40_000, 500.0));
  }

  @Test
  void framesAreStoredWithFlinksPojoSerializer() {
    assertThat(TypeInformation.of(Frame.class)).isInstanceOf(PojoTypeInfo.class);
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          Long, TrackingFrame, DeviceTimeframeChange, TimeframeComputedData>
      newHarness() throws Exception {
    return newHarness(Duration.ofHours(3));
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          Long, TrackingFrame, DeviceTimeframeChange, TimeframeComputedData>
      newHarness(Duration retention) throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(
            new TimeframeCalculator(
                "timeframe", "tracking", Duration.ofSeconds(1), LATENESS, retention)),
        TrackingFrame::getDeviceId,
        change -> change.deviceId,
        Types.LONG);
  }

  /** Frames every 100 ms from {@code fromMs} to {@code toMs} after T0 (inclusive), x = t / 100. */
  private void walk(long fromMs, long toMs) throws Exception {
    for (long t = fromMs; t <= toMs; t += 100) {
      harness.processElement1(frame(t, t / 100.0, 0), 0);
    }
  }

  private static TrackingFrame frame(long offsetMs, double x, double y) {
    return TrackingFrame.newBuilder()
        .setDeviceId(DEVICE)
        .setTimestamp(Instant.ofEpochMilli(T0 + offsetMs))
        .setX(x)
        .setY(y)
        .setReceivedAt(Instant.ofEpochMilli(T0 + offsetMs))
        .build();
  }

  private void assign(long id, long version, long startMs, long endMs) throws Exception {
    harness.processElement2(
        DeviceTimeframeChange.assign(
            TimeframeDefinition.newBuilder()
                .setTimeframeId(id)
                .setVersion(version)
                .setDeviceId(DEVICE)
                .setAthleteId(3)
                .setOwnerId(2)
                .setStartTime(Instant.ofEpochMilli(T0 + startMs))
                .setEndTime(Instant.ofEpochMilli(T0 + endMs))
                .setParamsJson("{}")
                .build()),
        0);
  }

  private void tick(long processingTime) throws Exception {
    harness.setProcessingTime(processingTime);
  }

  private List<TimeframeComputedData> published() {
    return harness.extractOutputValues();
  }

  /** The data of a direct metrics run over the walk, as the job renders it. */
  private static String directRun(long startMs, long endMs, long fromMs, long toMs, long now) {
    TimeframeMetrics metrics =
        new TimeframeMetrics(T0 + startMs, T0 + endMs, TimeframeParams.DEFAULTS);
    for (long t = fromMs; t <= toMs; t += 100) {
      metrics.add(Frame.metres(T0 + t, t / 100.0, 0, null, null));
    }
    return TimeframeJson.render(metrics.snapshot(now));
  }

  private static JsonNode json(TimeframeComputedData data) {
    try {
      return JSON.readTree(data.getDataJson());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** total_distance rounded to micrometres (sums of 1 m steps in floating point). */
  private static double distance(TimeframeComputedData data) {
    return Math.round(json(data).get("total_distance").asDouble() * 1e6) / 1e6;
  }
}
