package io.wearflow.infra.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {

  /** User 1 with samples 0-9: days d0..d3 hold 3, 3, 2 and 2 samples. */
  private final SampleStream stream =
      new SampleStream(List.of(1L), "samples-v1.1", LocalDate.of(2024, 3, 1));

  private final GroundTruth truth = new GroundTruth().addRange(stream, 0, 0, 10);

  private StoredResults.SampleExport exactExport() {
    return new StoredResults.SampleExport(10, 10, truth.steps());
  }

  @Test
  void groundTruthCountsSamplesPerLocalDay() {
    // Values (k * 13) % 200 + 1: 1, 14, 27, 40, 53, 66, 79, 92, 105, 118.
    assertThat(truth.userDays())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "1 2024-03-01", new DayTotal(1 + 53 + 105, 3),
                "1 2024-03-02", new DayTotal(14 + 66 + 118, 3),
                "1 2024-03-03", new DayTotal(27 + 79, 2),
                "1 2024-03-04", new DayTotal(40 + 92, 2)));
    assertThat(truth.samples()).isEqualTo(10);
    assertThat(truth.steps()).isEqualTo(595);
  }

  @Test
  void resultsEqualToTheGroundTruthPass() {
    SoakVerdict verdict =
        SoakVerdict.of(truth, truth.userDays(), truth.userDays(), exactExport(), 0);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line())
        .isEqualTo(
            "SOAK PASS samples=10 lost=0 doubled=0 mismatched_days=0 export_mismatched_days=0"
                + " export_rows=10 export_distinct=10 unacknowledged_batches=0");
  }

  @Test
  void missingAndDoubledSamplesAreCountedPerDay() {
    Map<String, DayTotal> table = new TreeMap<>(truth.userDays());
    table.remove("1 2024-03-01"); // 3 samples lost
    table.put("1 2024-03-02", new DayTotal(14 + 66 + 118 + 66, 4)); // one counted twice
    table.put("1 2024-03-03", new DayTotal(27, 1)); // one lost

    SoakVerdict verdict = SoakVerdict.of(truth, table, truth.userDays(), exactExport(), 0);

    assertThat(verdict.lost()).isEqualTo(4);
    assertThat(verdict.doubled()).isEqualTo(1);
    assertThat(verdict.mismatchedDays()).isEqualTo(3);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).startsWith("SOAK FAIL samples=10 lost=4 doubled=1");
  }

  @Test
  void dayWithTheRightCountButOtherStepsIsMismatched() {
    Map<String, DayTotal> table = new TreeMap<>(truth.userDays());
    table.put("1 2024-03-04", new DayTotal(1, 2));

    SoakVerdict verdict = SoakVerdict.of(truth, table, truth.userDays(), exactExport(), 0);

    assertThat(verdict.lost()).isZero();
    assertThat(verdict.doubled()).isZero();
    assertThat(verdict.mismatchedDays()).isEqualTo(1);
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void duplicateRowsInTheSamplesExportFail() {
    SoakVerdict verdict =
        SoakVerdict.of(
            truth,
            truth.userDays(),
            truth.userDays(),
            new StoredResults.SampleExport(11, 10, truth.steps() + 14),
            0);

    assertThat(verdict.resultsMatch()).isFalse();
    assertThat(verdict.exportRows()).isEqualTo(11);
  }

  @Test
  void extraExportedDayIsMismatched() {
    Map<String, DayTotal> exported = new TreeMap<>(truth.userDays());
    exported.put("1 2024-03-05", new DayTotal(5, 1));

    SoakVerdict verdict = SoakVerdict.of(truth, truth.userDays(), exported, exactExport(), 0);

    assertThat(verdict.exportMismatchedDays()).isEqualTo(1);
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void unacknowledgedBatchesFailEvenWhenResultsMatch() {
    SoakVerdict verdict =
        SoakVerdict.of(truth, truth.userDays(), truth.userDays(), exactExport(), 2);

    assertThat(verdict.resultsMatch()).isTrue();
    assertThat(verdict.passed()).isFalse();
  }
}
