package io.wearflow.jobs.userday;

import static io.wearflow.jobs.userday.TestSamples.RECEIVED;
import static io.wearflow.jobs.userday.TestSamples.bpm;
import static io.wearflow.jobs.userday.TestSamples.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregator with explicit processing time (emission) and watermarks (release), keyed by user;
 * each test ends with no state or timers left once every day is released.
 */
class UserDayAggregatorHarnessTest {

  private static final long DAY_1 = LocalDate.parse("2023-11-01").toEpochDay();
  private static final long DAY_2 = LocalDate.parse("2023-11-02").toEpochDay();

  private KeyedOneInputStreamOperatorTestHarness<Long, Sample, PublishedUserDay> harness;

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
  void changesWithinAnIntervalArePublishedOnceAndAResendNotAtAll() throws Exception {
    Sample.Builder walk = steps("2023-11-01T08:04:51+04:00", "2023-11-01T08:04:58+04:00", 14);
    Sample.Builder pulse = bpm("2023-11-01T08:05:00+04:00", 72);
    Instant later = RECEIVED.plusSeconds(600);

    send(walk.build());
    send(pulse.build());
    send(walk.setReceivedAt(later).build());
    send(pulse.setReceivedAt(later).build());
    send(walk.setValue(20).build());
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.setProcessingTime(999);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.setProcessingTime(1000);

    assertThat(harness.extractOutputValues())
        .extracting(
            p -> p.day().getStepsTotal(),
            p -> p.day().getBpmMean(),
            p -> p.day().getSampleCount(),
            p -> p.day().getUpdatedAt(),
            PublishedUserDay::version)
        .containsExactly(tuple(20.0, 72.0, 2, later, 1L));
    assertThat(exported()).extracting(Sample::getValue).containsExactly(14.0, 72.0, 20.0);

    send(pulse.setReceivedAt(later.plusSeconds(60)).build());
    harness.setProcessingTime(5000);
    assertThat(harness.extractOutputValues()).hasSize(1); // the resend published nothing
    assertReleasedWithoutLeftovers(DAY_1);
  }

  @Test
  void aPointSevenDaysLateRepublishesItsDay() throws Exception {
    send(steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 500).build());
    harness.setProcessingTime(1000);
    Instant weekLater = RECEIVED.plus(Duration.ofDays(7));
    harness.processWatermark(weekLater.toEpochMilli());

    send(
        steps("2023-11-01T09:00:00+04:00", "2023-11-01T09:10:00+04:00", 300)
            .setReceivedAt(weekLater)
            .build());
    harness.setProcessingTime(2000);

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getStepsTotal(), p -> p.day().getUpdatedAt(), p -> p.version())
        .containsExactly(tuple(500.0, RECEIVED, 1L), tuple(800.0, weekLater, 2L));
    assertThat(deadLetters()).isEmpty();
    assertReleasedWithoutLeftovers(DAY_1);
  }

  @Test
  void aPointReachingAReleasedDayIsRoutedToDeadLettersAndNotCounted() throws Exception {
    send(steps("2023-11-02T08:00:00+04:00", "2023-11-02T08:10:00+04:00", 500).build());
    harness.processWatermark(Lateness.releaseTime(DAY_1));
    // In the 8 days (it ended two days before it was received), but its day is gone: it arrived
    // more than a day out of received_at order.
    Sample straggler = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 300).build();

    send(straggler);
    harness.setProcessingTime(1000);

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getLocalDate().toString(), p -> p.day().getStepsTotal())
        .containsExactly(tuple("2023-11-02", 500.0));
    List<DeadLetter> rejected = deadLetters();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).getReason())
        .isEqualTo(
            "too late: its day 2023-11-01 was released when the received_at watermark passed"
                + " 2023-11-14T17:00:00Z");
    assertThat(rejected.get(0).getTopic()).isEqualTo("samples");
    assertThat(exported()).hasSize(1);
    assertReleasedWithoutLeftovers(DAY_2);
  }

  @Test
  void releaseLastPublishesADirtyDayThenDropsItsStateAndTimers() throws Exception {
    send(steps("2023-11-01T23:30:00+04:00", "2023-11-02T00:30:00+04:00", 120).build());
    assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one release per day
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.processWatermark(Lateness.releaseTime(DAY_1));

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getLocalDate().toString(), p -> p.day().getStepsTotal())
        .containsExactly(tuple("2023-11-01", 60.0));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(Lateness.releaseTime(DAY_2));

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getLocalDate().toString(), p -> p.day().getStepsTotal())
        .containsExactly(tuple("2023-11-01", 60.0), tuple("2023-11-02", 60.0));
    assertNoStateOrTimers();
  }

  @Test
  void aRestoreFromASnapshotKeepsDirtyDaysTheirTimerAndTheDeduplication() throws Exception {
    Sample.Builder walk = steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 500);
    send(walk.build());
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.setProcessingTime(0);
    harness.initializeState(snapshot);
    harness.open();
    send(walk.setReceivedAt(RECEIVED.plusSeconds(60)).build());
    harness.setProcessingTime(1000);

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getStepsTotal(), p -> p.day().getSampleCount(), p -> p.version())
        .containsExactly(tuple(500.0, 1, 1L));
    assertThat(exported()).isEmpty(); // the resend is not a change
    assertReleasedWithoutLeftovers(DAY_1);
  }

  @Test
  void endOfInputPublishesEveryDirtyDayOfEveryUser() throws Exception {
    send(steps("2023-11-01T08:00:00+04:00", "2023-11-01T08:10:00+04:00", 500).build());
    send(bpm("2023-11-02T08:00:00+04:00", 70).build());
    send(bpm("2023-11-01T08:00:00+04:00", 65).setUserId(7).build());

    harness.processWatermark(Long.MAX_VALUE);

    assertThat(harness.extractOutputValues())
        .extracting(p -> p.day().getUserId(), p -> p.day().getLocalDate().toString())
        .containsExactlyInAnyOrder(
            tuple(42L, "2023-11-01"), tuple(42L, "2023-11-02"), tuple(7L, "2023-11-01"));
    assertNoStateOrTimers();
  }

  private static KeyedOneInputStreamOperatorTestHarness<Long, Sample, PublishedUserDay> newHarness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(
            new UserDayAggregator("user-day", "samples", Duration.ofSeconds(1))),
        Sample::getUserId,
        Types.LONG);
  }

  private void send(Sample sample) throws Exception {
    harness.processElement(sample, sample.getReceivedAt().toEpochMilli());
  }

  private List<Sample> exported() {
    return sideOutput(UserDayAggregator.CHANGED_SAMPLES);
  }

  private List<DeadLetter> deadLetters() {
    return sideOutput(UserDayAggregator.TOO_LATE);
  }

  /** What went to {@code tag} (the harness has no queue for a tag nothing went to). */
  private <T> List<T> sideOutput(OutputTag<T> tag) {
    Queue<StreamRecord<T>> records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  private void assertReleasedWithoutLeftovers(long lastDay) throws Exception {
    harness.processWatermark(Lateness.releaseTime(lastDay));
    assertNoStateOrTimers();
  }

  private void assertNoStateOrTimers() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
