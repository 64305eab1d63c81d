package io.wearflow.http.activities.read;

/**
 * Reduces a one-second series to at most {@link #MAX_POINTS} points that keep its shape, with
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): the first and last points stay, and each of
 * the buckets in between keeps the point forming the largest triangle with the point kept before it
 * and the mean of the next bucket. Gap seconds (NaN) count as 0, so gaps stay visible.
 */
final class AdaptiveSampling {

  /** The most points an adaptively sampled answer has per activity. */
  static final int MAX_POINTS = 1000;

  private AdaptiveSampling() {}

  /** The indices of {@code values} to keep, ascending; all of them when there are few enough. */
  static int[] keep(double[] values, int maxPoints) {
    int n = values.length;
    if (n <= maxPoints || maxPoints < 3) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] kept = new int[maxPoints];
    double bucketSize = (double) (n - 2) / (maxPoints - 2);
    int previous = 0;
    kept[0] = 0;
    for (int b = 0; b < maxPoints - 2; b++) {
      int from = (int) Math.floor(b * bucketSize) + 1;
      int to = (int) Math.floor((b + 1) * bucketSize) + 1;
      int nextFrom = to;
      int nextTo = Math.min((int) Math.floor((b + 2) * bucketSize) + 1, n);
      double meanX = 0;
      double meanY = 0;
      for (int i = nextFrom; i < nextTo; i++) {
        meanX += i;
        meanY += y(values, i);
      }
      int count = Math.max(nextTo - nextFrom, 1);
      if (nextTo <= nextFrom) {
        meanX = n - 1;
        meanY = y(values, n - 1);
      } else {
        meanX /= count;
        meanY /= count;
      }
      double best = -1;
      int chosen = from;
      for (int i = from; i < to; i++) {
        double area =
            Math.abs(
                (previous - meanX) * (y(values, i) - y(values, previous))
                    - (previous - i) * (meanY - y(values, previous)));
        if (area > best) {
          best = area;
          chosen = i;
        }
      }
      kept[b + 1] = chosen;
      previous = chosen;
    }
    kept[maxPoints - 1] = n - 1;
    return kept;
  }

  private static double y(double[] values, int i) {
    return Double.isNaN(values[i]) ? 0 : values[i];
  }
}
