package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.USER;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserDayAggregatorHarnessTest {

  private KeyedOneInputStreamOperatorTestHarness<UserDayKey, DayPortion, UserDay> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void emitsTheUpdatedDayOnEveryChangeAndNothingForAResend() throws Exception {
    Sample.Builder walk = steps("2023-11-01T08:04:51+04:00", "2023-11-01T08:04:58+04:00", 14);
    Sample.Builder pulse = bpm("2023-11-01T08:05:00+04:00", 72);
    Instant later = RECEIVED.plusSeconds(600);

    send(walk.build());
    send(pulse.build());
    send(walk.setReceivedAt(later).build());
    send(pulse.setReceivedAt(later).build());
    send(walk.setValue(20).build());

    assertThat(harness.extractOutputValues())
        .containsExactly(
            day("2023-11-01", 14, null, 1, RECEIVED),
            day("2023-11-01", 14, 72.0, 2, RECEIVED),
            day("2023-11-01", 20, 72.0, 2, later));
    assertThat(exported()).extracting(Sample::getValue).containsExactly(14.0, 72.0, 20.0);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // contributions + totals of one day
    assertNoTimers();
  }

  @Test
  void sampleAcrossMidnightIsExportedOnceFromItsStartDay() throws Exception {
    Sample late = steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build();

    send(late);

    assertThat(harness.extractOutputValues())
        .containsExactly(
            day("2023-11-01", 60, null, 1, RECEIVED), day("2023-11-02", 60, null, 1, RECEIVED));
    assertThat(exported()).containsExactly(late);
    assertNoTimers();
  }

  @Test
  void deduplicationSurvivesARestoreFromASnapshot() throws Exception {
    Sample.Builder walk = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 500);
    send(walk.build());
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    send(walk.setReceivedAt(RECEIVED.plusSeconds(60)).build());
    send(walk.setValue(450).setReceivedAt(RECEIVED.plusSeconds(120)).build());

    assertThat(harness.extractOutputValues())
        .containsExactly(day("2023-11-01", 450, null, 1, RECEIVED.plusSeconds(120)));
    assertThat(exported()).extracting(Sample::getValue).containsExactly(450.0);
    assertNoTimers();
  }

  private static KeyedOneInputStreamOperatorTestHarness<UserDayKey, DayPortion, UserDay>
      newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new UserDayAggregator()),
        DayPortion::key,
        TypeInformation.of(UserDayKey.class));
  }

  private void send(Sample sample) throws Exception {
    for (DayPortion portion : UserDayBucketer.split(sample)) {
      harness.processElement(portion, sample.getReceivedAt().toEpochMilli());
    }
  }

  private List<Sample> exported() {
    return harness.getSideOutput(UserDayAggregator.CHANGED_SAMPLES).stream()
        .map(StreamRecord::getValue)
        .toList();
  }

  private void assertNoTimers() {
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private static UserDay day(
      String date, double steps, Double bpm, int samples, Instant updatedAt) {
    return UserDay.newBuilder()
        .setUserId(USER)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(steps)
        .setBpmMin(bpm)
        .setBpmMax(bpm)
        .setBpmMean(bpm)
        .setSampleCount(samples)
        .setDevices(List.of("iPhone"))
        .setUpdatedAt(updatedAt)
        .build();
  }
}
