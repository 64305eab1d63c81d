package io.wearflow.jobs.activity.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanMaxCurveTest {

  private static final double TOLERANCE = 1e-9;

  @Test
  void equalsBruteForceForEveryDurationOnRandomPower() {
    Random random = new Random(42);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(0, 200 + 80 * random.nextGaussian());
    }
    assertMatchesBruteForce(new SecondSeries(ActivityMetric.POWER, 1_000, values));
  }

  @Test
  void equalsBruteForceOnARideWithIntervalsAndGapsCountedAsZero() {
    Random random = new Random(7);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      boolean interval = i % 400 < 45;
      values[i] = Math.max(0, (interval ? 420 : 170) + 30 * random.nextGaussian());
    }
    // a café stop and a few dropouts
    Arrays.fill(values, 900, 1100, Double.NaN);
    for (int i = 0; i < 30; i++) {
      values[random.nextInt(values.length)] = Double.NaN;
    }
    values[0] = 150;
    values[values.length - 1] = 150;
    assertMatchesBruteForce(new SecondSeries(ActivityMetric.POWER, 0, values));
  }

  @Test
  void equalsBruteForceWhenGapsBreakWindowsAndValuesGoNegative() {
    Random random = new Random(3);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(8) == 0 ? Double.NaN : -20 + 40 * random.nextDouble();
    }
    values[0] = 1;
    values[values.length - 1] = 1;
    assertMatchesBruteForce(new SecondSeries(ActivityMetric.TEMPERATURE, 0, values));
  }

  @Test
  void equalsBruteForceOnConstantAndSteppedSeries() {
    double[] constant = new double[500];
    Arrays.fill(constant, 250);
    assertMatchesBruteForce(new SecondSeries(ActivityMetric.POWER, 0, constant));
    double[] steps = new double[600];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = (i / 37) % 3 * 100;
    }
    assertMatchesBruteForce(new SecondSeries(ActivityMetric.POWER, 0, steps));
  }

  @Test
  void durationsLongerThanAnyRecordedStretchHaveNoValue() {
    double[] values = {150, 150, 150, Double.NaN, 150, 150};
    MeanMaxCurve heartRate =
        MeanMaxCurve.of(new SecondSeries(ActivityMetric.HEART_RATE, 0, values));
    assertThat(heartRate.best(3)).hasValue(150);
    assertThat(heartRate.best(4)).isEmpty();
    assertThat(heartRate.best(7)).isEmpty();

    MeanMaxCurve power = MeanMaxCurve.of(new SecondSeries(ActivityMetric.POWER, 0, values));
    assertThat(power.best(6)).hasValue(750.0 / 6);
    assertThat(power.best(7)).isEmpty();
    assertThat(power.maxDuration()).isEqualTo(6);
  }

  @Test
  void anEmptySeriesHasNoPoints() {
    MeanMaxCurve curve = MeanMaxCurve.of(new SecondSeries(ActivityMetric.POWER, 0, new double[0]));

    assertThat(curve.maxDuration()).isZero();
    assertThat(curve.points()).isEmpty();
    assertThat(curve.best(1)).isEmpty();
  }

  @Test
  void requestedDurationsAreAnsweredWithTheirBestWindowsStart() {
    double[] values = {100, 100, 300, 500, 100, 400, 390, 100};
    MeanMaxCurve curve = MeanMaxCurve.of(new SecondSeries(ActivityMetric.POWER, 5_000, values));

    assertThat(curve.at(1, 2, 3, 60))
        .containsExactly(
            new MeanMaxCurve.Point(1, 500, 5_003),
            new MeanMaxCurve.Point(2, 400, 5_002),
            new MeanMaxCurve.Point(3, 1000.0 / 3, 5_003));
  }

  @Test
  void oneThirtyKilowattSpikeDoesNotBecomeTheOneSecondBest() {
    long[] timestamps = new long[600];
    double[] watts = new double[600];
    for (int i = 0; i < 600; i++) {
      timestamps[i] = 1_700_000_000_000L + i * 1000L;
      watts[i] = 200 + (i % 10);
    }
    watts[300] = 30_000;

    SpikeGuard.Screened screened =
        SpikeGuard.screen(new MetricSamples(ActivityMetric.POWER, timestamps, watts));
    MeanMaxCurve curve = MeanMaxCurve.of(SecondSeries.resample(screened.kept()));

    assertThat(screened.report().removed()).isEqualTo(1);
    assertThat(screened.report().firstSpikes())
        .containsExactly(new SpikeGuard.Spike(1_700_000_300_000L, 30_000));
    assertThat(curve.best(1)).hasValue(209);
    // the removed second holds the reading before it (209 at i = 299)
    assertThat(curve.best(600).getAsDouble())
        .isCloseTo((600 * 204.5 - 200 + 209) / 600, within(TOLERANCE));
  }

  @Test
  void printsTheTimeOfAFourHourRidesFullCurve() {
    Random random = new Random(1);
    double[] values = new double[4 * 3600];
    for (int i = 0; i < values.length; i++) {
      double interval = i % 900 < 60 ? 250 : 0;
      values[i] =
          Math.max(0, 180 + 120 * Math.sin(i / 300.0) + interval + 40 * random.nextGaussian());
    }
    SecondSeries ride = new SecondSeries(ActivityMetric.POWER, 0, values);
    MeanMaxCurve.of(ride); // warm-up
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    MeanMaxCurve curve = MeanMaxCurve.of(ride);
    long elapsed = System.nanoTime() - started;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
    // Printed, not asserted: the build machine is shared.
    System.out.printf(
        "mean-max of a 4 h 1 Hz ride, every duration 1..%d s: %.1f ms wall, %.1f ms CPU%n",
        curve.maxDuration(), elapsed / 1e6, cpu / 1e6);
    assertThat(curve.points()).hasSize(values.length);
  }

  private static void assertMatchesBruteForce(SecondSeries series) {
    MeanMaxCurve curve = MeanMaxCurve.of(series);
    double[] expected = bruteForce(series.values(), series.metric().gapFill());
    double[] values = series.values();
    for (int d = 1; d <= values.length; d++) {
      OptionalDouble actual = curve.best(d);
      if (Double.isNaN(expected[d - 1])) {
        assertThat(actual).as("duration %d", d).isEmpty();
        continue;
      }
      assertThat(actual).as("duration %d", d).isPresent();
      assertThat(actual.getAsDouble())
          .as("duration %d", d)
          .isCloseTo(expected[d - 1], within(TOLERANCE));
      // the reported window really has that average
      int start = (int) (curve.bestStartEpochSecond(d) - series.startEpochSecond());
      double sum = 0;
      for (int i = start; i < start + d; i++) {
        assertThat(
                series.metric().gapFill() == ActivityMetric.GapFill.ZERO
                    || !Double.isNaN(values[i]))
            .isTrue();
        sum += Double.isNaN(values[i]) ? 0 : values[i];
      }
      assertThat(sum / d)
          .as("window of duration %d", d)
          .isCloseTo(expected[d - 1], within(TOLERANCE));
    }
  }

  /** Every window, grown one second at a time from every start: O(n²), no prefix sums. */
  private static double[] bruteForce(double[] values, ActivityMetric.GapFill gapFill) {
    int n = values.length;
    double[] best = new double[n];
    Arrays.fill(best, Double.NaN);
    for (int start = 0; start < n; start++) {
      double sum = 0;
      for (int end = start; end < n; end++) {
        double value = values[end];
        if (Double.isNaN(value)) {
          if (gapFill == ActivityMetric.GapFill.BREAK) {
            break;
          }
          value = 0;
        }
        sum += value;
        int d = end - start + 1;
        double mean = sum / d;
        if (Double.isNaN(best[d - 1]) || mean > best[d - 1]) {
          best[d - 1] = mean;
        }
      }
    }
    return best;
  }
}
