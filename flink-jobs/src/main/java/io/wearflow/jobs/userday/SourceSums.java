package io.wearflow.jobs.userday;

import java.util.Arrays;

/**
 * What each (source, device name) contributed to one user-day: fixed-point steps, distance and
 * calories ({@link Quantity}) and the number of measurements, sorted by source then device name. A
 * pair whose last measurement was taken back is removed.
 *
 * <p>A mutable holder with public fields so that Flink serializes it as a POJO without Kryo; only
 * {@link UserDayAccumulator} changes it.
 */
public final class SourceSums {

  static final int STEPS = 0;
  static final int DISTANCE = 1;
  static final int CALORIES = 2;
  static final int SAMPLES = 3;
  static final int COLUMNS = 4;

  /** Rows in use. */
  public int size;

  /** Source (ingestion API) of each row. */
  public String[] sources = new String[0];

  /** Device name of each row. */
  public String[] devices = new String[0];

  /** {@link #COLUMNS} values per row. */
  public long[] cells = new long[0];

  public SourceSums() {}

  /** Adds {@code amount} of {@code quantity} and {@code samples} measurements to the pair. */
  void add(String source, String device, Quantity quantity, long amount, int samples) {
    int row = row(source, device);
    if (quantity.isAmount()) {
      cells[row * COLUMNS + column(quantity)] += amount;
    }
    cells[row * COLUMNS + SAMPLES] += samples;
    if (cells[row * COLUMNS + SAMPLES] == 0) {
      remove(row);
    }
  }

  /** The value of {@code column} in row {@code row}. */
  long get(int row, int column) {
    return cells[row * COLUMNS + column];
  }

  private static int column(Quantity quantity) {
    return switch (quantity) {
      case STEPS -> STEPS;
      case DISTANCE -> DISTANCE;
      case CALORIES -> CALORIES;
      case BPM -> throw new IllegalArgumentException("heart rate is not an amount");
    };
  }

  private int row(String source, String device) {
    int row = 0;
    while (row < size) {
      int order = sources[row].compareTo(source);
      if (order == 0) {
        order = devices[row].compareTo(device);
      }
      if (order == 0) {
        return row;
      }
      if (order > 0) {
        break;
      }
      row++;
    }
    if (size == sources.length) {
      int capacity = Math.max(2, size * 2);
      sources = Arrays.copyOf(sources, capacity);
      devices = Arrays.copyOf(devices, capacity);
      cells = Arrays.copyOf(cells, capacity * COLUMNS);
    }
    System.arraycopy(sources, row, sources, row + 1, size - row);
    System.arraycopy(devices, row, devices, row + 1, size - row);
    System.arraycopy(cells, row * COLUMNS, cells, (row + 1) * COLUMNS, (size - row) * COLUMNS);
    sources[row] = source;
    devices[row] = device;
    Arrays.fill(cells, row * COLUMNS, (row + 1) * COLUMNS, 0);
    size++;
    return row;
  }

  private void remove(int row) {
    System.arraycopy(sources, row + 1, sources, row, size - row - 1);
    System.arraycopy(devices, row + 1, devices, row, size - row - 1);
    System.arraycopy(cells, (row + 1) * COLUMNS, cells, row * COLUMNS, (size - row - 1) * COLUMNS);
    size--;
    sources[size] = null;
    devices[size] = null;
  }
}
