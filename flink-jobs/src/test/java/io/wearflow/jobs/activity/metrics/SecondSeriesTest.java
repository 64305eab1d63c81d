package io.wearflow.jobs.activity.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondSeriesTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final double NaN = Double.NaN;

  @Test
  void readingsWithinOneSecondAreAveraged() {
    SecondSeries series =
        resample(
            new long[] {T0, T0 + 250, T0 + 500, T0 + 750, T0 + 1000, T0 + 1500},
            new double[] {100, 200, 300, 400, 10, 20});

    assertThat(series.startEpochSecond()).isEqualTo(T0 / 1000);
    assertThat(series.values()).containsExactly(250, 15);
  }

  @Test
  void aReadingHoldsUntilTheNextOneAtMostFiveSecondsLater() {
    SecondSeries series =
        resample(new long[] {T0, T0 + 3000, T0 + 8000}, new double[] {100, 200, 300});

    assertThat(series.values()).containsExactly(100, 100, 100, 200, 200, 200, 200, 200, 300);
  }

  @Test
  void aLongerSilenceIsAGapAfterTheReadingsOwnSecond() {
    SecondSeries series =
        resample(new long[] {T0, T0 + 1000, T0 + 7000}, new double[] {100, 200, 300});

    assertThat(series.values()).containsExactly(100, 200, NaN, NaN, NaN, NaN, NaN, 300);
    assertThat(series.recordedSeconds()).isEqualTo(3);
  }

  @Test
  void aRecordWithoutTheMetricEndsTheHold() {
    SecondSeries series =
        resample(new long[] {T0, T0 + 2000, T0 + 4000}, new double[] {100, NaN, 300});

    assertThat(series.values()).containsExactly(100, 100, NaN, NaN, 300);
  }

  @Test
  void unsortedReadingsAreSortedAndLeadingOrTrailingMissingReadingsIgnored() {
    SecondSeries series =
        resample(
            new long[] {T0 + 2000, T0 + 5000, T0, T0 + 1000, T0 - 1000},
            new double[] {3, NaN, 1, 2, NaN});

    assertThat(series.startEpochSecond()).isEqualTo(T0 / 1000);
    assertThat(series.values()).containsExactly(1, 2, 3);
  }

  @Test
  void noReadingGivesAnEmptySeries() {
    assertThat(resample(new long[] {T0}, new double[] {NaN}).length()).isZero();
    assertThat(resample(new long[0], new double[0]).length()).isZero();
  }

  private static SecondSeries resample(long[] timestamps, double[] values) {
    return SecondSeries.resample(new MetricSamples(ActivityMetric.POWER, timestamps, values));
  }
}
