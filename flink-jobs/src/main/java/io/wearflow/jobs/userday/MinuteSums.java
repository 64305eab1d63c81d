package io.wearflow.jobs.userday;

import java.util.Arrays;

/**
 * The per-minute sums of one user-day, for the minutes that have data, sorted by slot: what the
 * day's curves, minutes with data, active minutes and resting heart rate are computed from.
 *
 * <p>Per minute: for steps, distance and calories the number of measurements overlapping the minute
 * and their fixed-point sum ({@link Quantity}); for heart rate the sum of milli-bpm times
 * milliseconds and the sum of milliseconds (an instant weighs one second), whose ratio is the
 * minute's time-weighted mean. A minute whose data was all taken back keeps a row of zeros, which
 * counts as no data.
 *
 * <p>A mutable holder with public fields so that Flink serializes it as a POJO (with schema
 * evolution) without Kryo; only {@link UserDayAccumulator} changes it.
 */
public final class MinuteSums {

  static final int STEPS_COUNT = 0;
  static final int STEPS = 1;
  static final int DISTANCE_COUNT = 2;
  static final int DISTANCE = 3;
  static final int CALORIES_COUNT = 4;
  static final int CALORIES = 5;
  static final int BPM_WEIGHTED = 6;
  static final int BPM_WEIGHT = 7;
  static final int COLUMNS = 8;

  /** Rows in use. */
  public int size;

  /** Slot (0 to 1439) of each row, ascending. */
  public int[] slots = new int[0];

  /** {@link #COLUMNS} values per row. */
  public long[] cells = new long[0];

  public MinuteSums() {}

  /** Adds {@code delta} to {@code column} of the row of {@code slot}, creating the row. */
  void add(int slot, int column, long delta) {
    int row = row(slot); // first: it may replace the arrays
    cells[row * COLUMNS + column] += delta;
  }

  /** The value of {@code column} in row {@code row}. */
  long get(int row, int column) {
    return cells[row * COLUMNS + column];
  }

  /** Column of the measurement count of an amount quantity. */
  static int countColumn(Quantity quantity) {
    return switch (quantity) {
      case STEPS -> STEPS_COUNT;
      case DISTANCE -> DISTANCE_COUNT;
      case CALORIES -> CALORIES_COUNT;
      case BPM -> throw new IllegalArgumentException("heart rate is not an amount");
    };
  }

  /** Column of the fixed-point sum of an amount quantity. */
  static int sumColumn(Quantity quantity) {
    return countColumn(quantity) + 1;
  }

  private int row(int slot) {
    int at = Arrays.binarySearch(slots, 0, size, slot);
    if (at >= 0) {
      return at;
    }
    int row = -at - 1;
    if (size == slots.length) {
      int capacity = Math.min(MinuteSplitter.MINUTES_PER_DAY, Math.max(16, size * 2));
      slots = Arrays.copyOf(slots, capacity);
      cells = Arrays.copyOf(cells, capacity * COLUMNS);
    }
    System.arraycopy(slots, row, slots, row + 1, size - row);
    System.arraycopy(cells, row * COLUMNS, cells, (row + 1) * COLUMNS, (size - row) * COLUMNS);
    slots[row] = slot;
    Arrays.fill(cells, row * COLUMNS, (row + 1) * COLUMNS, 0);
    size++;
    return row;
  }
}
