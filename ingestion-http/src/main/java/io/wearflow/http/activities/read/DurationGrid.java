package io.wearflow.http.activities.read;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The window lengths (seconds) mean-max answers cover when the request names none. */
final class DurationGrid {

  /**
   * The longitudinal default: 1 s to 4 h, the ones some activity in range covers are answered. Kept
   * equal to the durations of {@code mean_max_grid} (connectors' V9 migration), so that default
   * requests read the small grid table instead of whole curves.
   */
  static final List<Integer> STANDARD =
      List.of(
          1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800,
          2700, 3600, 5400, 7200, 10800, 14400);

  private DurationGrid() {}

  /** Every second from 1 to {@code length}. */
  static List<Integer> everySecond(int length) {
    List<Integer> all = new ArrayList<>(length);
    for (int d = 1; d <= length; d++) {
      all.add(d);
    }
    return all;
  }

  /**
   * A log-spaced grid up to {@code length}: every second to 10 s, then steps of about 5 % (about 60
   * points per tenfold), rounded to whole seconds, always ending at {@code length}.
   */
  static List<Integer> logSpaced(int length) {
    TreeSet<Integer> grid = new TreeSet<>();
    for (int d = 1; d <= Math.min(10, length); d++) {
      grid.add(d);
    }
    for (double d = 10; d <= length; d *= 1.05) {
      grid.add((int) Math.round(d));
    }
    if (length >= 1) {
      grid.add(length);
    }
    grid.removeIf(d -> d > length);
    return List.copyOf(grid);
  }
}
