package io.wearflow.infra.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One measured figure of the benchmark suite, with the target when it has one. A figure
 * that cannot be measured yet has no value and says why ({@link #notYet}).
 *
 * @param name dotted name, e.g. {@code ingest.http.samples_per_s}
 * @param value the measured value, NaN when there is none
 * @param unit e.g. {@code samples/s}, {@code ms}, {@code MB}, {@code x} for a ratio
 * @param target the target, null when the figure has none
 * @param note why there is no value, or what the figure is next to; may be empty
 */
public record Figure(String name, double value, String unit, Target target, String note) {

  public Figure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    note = note == null ? "" : note;
  }

  /** A target: the value must be at least or at most a bound. */
  public record Target(boolean atLeast, double bound) {

    public static Target atLeast(double bound) {
      return new Target(true, bound);
    }

    public static Target atMost(double bound) {
      return new Target(false, bound);
    }

    public boolean metBy(double value) {
      return atLeast ? value >= bound : value <= bound;
    }

    @Override
    public String toString() {
      return (atLeast ? ">= " : "<= ") + Figure.format(bound);
    }
  }

  public static Figure of(String name, double value, String unit) {
    return new Figure(name, value, unit, null, "");
  }

  public static Figure of(String name, double value, String unit, Target target) {
    return new Figure(name, value, unit, target, "");
  }

  /** A figure the project cannot measure yet, e.g. {@code needs issue 4}. */
  public static Figure notYet(String name, String unit, Target target, String why) {
    return new Figure(name, Double.NaN, unit, target, "not yet: " + why);
  }

  public Figure withNote(String newNote) {
    return new Figure(name, value, unit, target, newNote);
  }

  public boolean measured() {
    return !Double.isNaN(value);
  }

  /** {@code pass}, {@code miss}, {@code -} (no target) or {@code n/a} (not measured). */
  public String verdict() {
    if (target == null) {
      return "-";
    }
    if (!measured()) {
      return "n/a";
    }
    return target.metBy(value) ? "pass" : "miss";
  }

  /** The value with sensible precision: integers from 1000 on, 3 significant digits below. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double abs = Math.abs(value);
    if (abs >= 1000 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
