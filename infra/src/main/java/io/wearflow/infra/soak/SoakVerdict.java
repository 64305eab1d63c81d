package io.wearflow.infra.soak;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of a soak: the pipeline's results against the ground truth. Per user-day, samples the
 * table counts fewer than expected are lost, more are doubled; a day whose steps or count differ,
 * or that is missing or extra, is mismatched (the same for the user_days export). The samples
 * export must hold each distinct sample exactly once. A soak passes when nothing is lost, doubled
 * or mismatched and every batch was acknowledged.
 *
 * @param expectedSamples distinct samples sent
 * @param lost samples missing from the table's counts
 * @param doubled samples the table counts too often
 * @param mismatchedDays table days that differ from the ground truth
 * @param exportMismatchedDays newest user_days export rows that differ from it
 * @param exportRows rows of the samples export
 * @param exportDistinct distinct samples in the samples export
 * @param unacknowledged batches never acknowledged
 */
public record SoakVerdict(
    long expectedSamples,
    long lost,
    long doubled,
    int mismatchedDays,
    int exportMismatchedDays,
    long exportRows,
    long exportDistinct,
    long unacknowledged) {

  /** Compares the stored results with the ground truth. */
  public static SoakVerdict of(
      GroundTruth truth,
      Map<String, DayTotal> tableDays,
      Map<String, DayTotal> exportedDays,
      StoredResults.SampleExport export,
      long unacknowledged) {
    Map<String, DayTotal> expected = truth.userDays();
    long lost = 0;
    long doubled = 0;
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(tableDays.keySet());
    for (String key : keys) {
      long want = expected.getOrDefault(key, new DayTotal(0, 0)).samples();
      long got = tableDays.getOrDefault(key, new DayTotal(0, 0)).samples();
      lost += Math.max(0, want - got);
      doubled += Math.max(0, got - want);
    }
    return new SoakVerdict(
        truth.samples(),
        lost,
        doubled,
        mismatched(expected, tableDays),
        mismatched(expected, exportedDays),
        export.rows(),
        export.distinct(),
        unacknowledged);
  }

  private static int mismatched(Map<String, DayTotal> expected, Map<String, DayTotal> actual) {
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    int count = 0;
    for (String key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key))) {
        count++;
      }
    }
    return count;
  }

  /** True when the table and both exports equal the ground truth. */
  public boolean resultsMatch() {
    return lost == 0
        && doubled == 0
        && mismatchedDays == 0
        && exportMismatchedDays == 0
        && exportRows == expectedSamples
        && exportDistinct == expectedSamples;
  }

  public boolean passed() {
    return unacknowledged == 0 && resultsMatch();
  }

  /** {@code SOAK PASS ...} or {@code SOAK FAIL ...} with the counts. */
  public String line() {
    return String.format(
        "SOAK %s samples=%d lost=%d doubled=%d mismatched_days=%d export_mismatched_days=%d"
            + " export_rows=%d export_distinct=%d unacknowledged_batches=%d",
        passed() ? "PASS" : "FAIL",
        expectedSamples,
        lost,
        doubled,
        mismatchedDays,
        exportMismatchedDays,
        exportRows,
        exportDistinct,
        unacknowledged);
  }
}
