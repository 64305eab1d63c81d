package io.wearflow.jobs.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** One timeframe's computation: incremental while in order, rebuilt otherwise. */
class TimeframeProgressTest {

  @Test
  void inOrderFramesAreAddedAndAnOlderOneMakesItStale() {
    TimeframeProgress progress = new TimeframeProgress(1, 1_000, 5_000, TimeframeParams.DEFAULTS);
    progress.recompute(List.of());
    assertThat(progress.isStale()).isFalse();

    assertThat(progress.offer(frame(900, 0))).isFalse(); // before the start
    assertThat(progress.offer(frame(1_000, 0))).isTrue();
    assertThat(progress.offer(frame(1_100, 1))).isTrue();
    assertThat(progress.isStale()).isFalse();
    assertThat(progress.publish(0).totalDistance()).isEqualTo(1.0);
    assertThat(progress.isDirty()).isFalse();

    assertThat(progress.offer(frame(1_050, 5))).isTrue();

    assertThat(progress.isStale()).isTrue();
    assertThat(progress.isDirty()).isTrue();
    assertThatThrownBy(() -> progress.publish(0)).isInstanceOf(IllegalStateException.class);
    progress.recompute(List.of(frame(1_000, 0), frame(1_050, 0.5), frame(1_100, 1)));
    assertThat(progress.publish(0).totalDistance()).isEqualTo(1.0);
  }

  @Test
  void itBecomesFinalOnceThePassedTimeReachesEndPlusLateness() {
    TimeframeProgress progress = new TimeframeProgress(1, 1_000, 5_000, TimeframeParams.DEFAULTS);
    progress.recompute(List.of());
    progress.publish(0);

    assertThat(progress.completeIfPast(9_999, 5_000)).isFalse();
    assertThat(progress.completeIfPast(10_000, 5_000)).isTrue();
    assertThat(progress.isFinal()).isTrue();
    assertThat(progress.isDirty()).isTrue();
    assertThat(progress.completeIfPast(20_000, 5_000)).isFalse();
  }

  @Test
  void theStateSerializerRestoresTheMetrics() throws Exception {
    TimeframeProgress progress = new TimeframeProgress(3, 0, 10_000, TimeframeParams.DEFAULTS);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      frames.add(frame(i * 100L, i * 0.5));
    }
    progress.recompute(frames);
    JavaSerializer<TimeframeProgress> serializer = JavaSerializer.instance();
    DataOutputSerializer out = new DataOutputSerializer(1024);
    serializer.serialize(progress, out);

    TimeframeProgress restored =
        serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    restored.offer(frame(5_100, 25.5));

    assertThat(restored.version()).isEqualTo(3);
    assertThat(restored.publish(0).totalDistance()).isEqualTo(25.5);
    assertThat(serializer.copy(progress)).isNotSameAs(progress);
  }

  private static Frame frame(long t, double x) {
    return Frame.metres(t, x, 0, null, null);
  }
}
