package io.wearflow.http.activities.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.http.activities.files.ActivityRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctRecordsTest {

  private static final Instant T = Instant.parse("2024-05-01T05:30:00Z");

  @Test
  void recordsOfOneMillisecondMergeWithTheLaterNonNullValueWinning() {
    List<ActivityRecord> records =
        List.of(
            record(T.plusSeconds(1), 200.0, 120.0),
            record(T.plusNanos(300_000), 150.0, null),
            record(T, null, 110.0),
            record(T.plusNanos(900_000), 160.0, null),
            record(T.plusSeconds(1), null, 121.0));

    assertThat(DistinctRecords.of(records))
        .containsExactly(record(T, 160.0, 110.0), record(T.plusSeconds(1), 200.0, 121.0));
  }

  private static ActivityRecord record(Instant t, Double power, Double heartRate) {
    return new ActivityRecord(t, power, heartRate, null, null, null, null, null, null, null);
  }
}
