package io.wearflow.jobs.activity;

import static io.wearflow.jobs.activity.TestActivities.activity;
import static io.wearflow.jobs.activity.TestActivities.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.ExportedActivityRecord;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assembler alone: when an activity completes, and what it keeps afterwards. */
class ActivityAssemblerHarnessTest {

  private static final Instant T0 = Instant.parse("2024-05-01T06:00:00Z");
  private static final Duration TIMEOUT = Duration.ofHours(24);

  private KeyedTwoInputStreamOperatorTestHarness<
          String, ActivityRecord, UploadedActivity, AnalyzedActivity>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ActivityAssembler("activity", "activities", TIMEOUT)),
            ActivityRecord::getActivityId,
            UploadedActivity::getActivityId,
            Types.STRING);
    harness.open();
    harness.setProcessingTime(0);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void recordsBeforeTheMetadataCompleteOnTheMetadata() throws Exception {
    records("a", 0, 1, 2);
    assertThat(harness.extractOutputValues()).isEmpty();
    metadata("a", 3);
    assertThat(completed()).containsExactly("a");
    assertThat(exported()).hasSize(3);
    assertOnlyTheDoneMarkerIsLeft();
  }

  @Test
  void metadataBeforeTheRecordsCompletesOnTheLastRecord() throws Exception {
    metadata("a", 3);
    records("a", 0, 1);
    assertThat(harness.extractOutputValues()).isEmpty();
    records("a", 2);
    assertThat(completed()).containsExactly("a");
    assertOnlyTheDoneMarkerIsLeft();
  }

  @Test
  void aResentRecordIsCountedOnceAndTheLastOneWins() throws Exception {
    metadata("a", 3);
    records("a", 0, 1);
    harness.processElement1(record("a", 7, T0.plusSeconds(1)).setPower(250.0).build(), 0);
    assertThat(harness.extractOutputValues()).as("two distinct of three").isEmpty();
    records("a", 2);
    assertThat(completed()).containsExactly("a");
    assertThat(exported())
        .filteredOn(r -> r.record().getTimestamp().equals(T0.plusSeconds(1)))
        .singleElement()
        .satisfies(r -> assertThat(r.record().getPower()).isEqualTo(250.0));
    assertThat(exported()).hasSize(3);
  }

  @Test
  void aFinishedActivityIgnoresLateDuplicatesAndResentMetadata() throws Exception {
    metadata("a", 2);
    records("a", 0, 1);
    records("a", 1, 0);
    metadata("a", 2);
    records("a", 5); // even a new timestamp does not reopen it
    assertThat(completed()).containsExactly("a");
    assertThat(exported()).hasSize(2);
    assertOnlyTheDoneMarkerIsLeft();
  }

  @Test
  void activitiesAreAssembledIndependently() throws Exception {
    metadata("a", 2);
    records("b", 0);
    records("a", 0);
    metadata("b", 1);
    records("a", 1);
    assertThat(completed()).containsExactly("b", "a");
    assertThat(exported()).extracting(ExportedActivityRecord::sport).containsOnly("cycling");
    assertThat(exported())
        .extracting(ExportedActivityRecord::localDate)
        .containsOnly(LocalDate.parse("2024-05-01"));
  }

  @Test
  void anIncompleteActivityIsDroppedAfterTheTimeout() throws Exception {
    records("a", 0, 1);
    metadata("b", 5);
    records("b", 0);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);
    harness.setProcessingTime(TIMEOUT.toMillis() - 1);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.setProcessingTime(TIMEOUT.toMillis());
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    // The same upload published again later starts over and completes.
    records("a", 0, 1);
    metadata("a", 2);
    assertThat(completed()).containsExactly("a");
  }

  @Test
  void theResultTypesArePojos() {
    assertThat(TypeInformation.of(AnalyzedActivity.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(ExportedActivityRecord.class)).isInstanceOf(PojoTypeInfo.class);
  }

  private void assertOnlyTheDoneMarkerIsLeft() {
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  private void records(String activityId, int... seconds) throws Exception {
    for (int s : seconds) {
      harness.processElement1(
          record(activityId, 7, T0.plusSeconds(s)).setPower(100.0 + s).build(), 0);
    }
  }

  private void metadata(String activityId, int recordCount) throws Exception {
    harness.processElement2(
        activity(activityId, 7, T0, T0.plusSeconds(recordCount - 1), recordCount).build(), 0);
  }

  private List<String> completed() {
    return harness.extractOutputValues().stream().map(AnalyzedActivity::activityId).toList();
  }

  private List<ExportedActivityRecord> exported() {
    return harness.getSideOutput(ActivityAssembler.RECORDS).stream()
        .map(StreamRecord::getValue)
        .toList();
  }
}
