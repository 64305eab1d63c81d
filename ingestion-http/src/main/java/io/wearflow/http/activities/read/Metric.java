package io.wearflow.http.activities.read;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The metrics an activity may record, by wire name, in the order the API lists them, with the unit
 * their values are in. Mean-max curves and AWD exist for every metric except {@code distance} and
 * {@code altitude} (cumulative or positional, their "best mean" means nothing).
 */
enum Metric {
  POWER("power", "W", true),
  SPEED("speed", "m/s", true),
  HEART_RATE("heart_rate", "bpm", true),
  CADENCE("cadence", "rpm", true),
  ALTITUDE("altitude", "m", false),
  DISTANCE("distance", "m", false),
  TEMPERATURE("temperature", "°C", true),
  CORE_TEMPERATURE("core_temperature", "°C", true),
  SMO2("smo2", "%", true);

  /** The pseudo-metric of seconds since the activity's start, always first. */
  static final String DURATION = "duration";

  private final String wireName;
  private final String unit;
  private final boolean hasCurves;

  Metric(String wireName, String unit, boolean hasCurves) {
    this.wireName = wireName;
    this.unit = unit;
    this.hasCurves = hasCurves;
  }

  String wireName() {
    return wireName;
  }

  String unit() {
    return unit;
  }

  /** Whether the job stores a mean-max curve and an AWD for this metric. */
  boolean hasCurves() {
    return hasCurves;
  }

  static Optional<Metric> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }

  /** Pydantic's wording of an enum error over the given names. */
  static String expectation(String... names) {
    String quoted = Arrays.stream(names).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    int last = quoted.lastIndexOf(", ");
    return last < 0
        ? "Input should be " + quoted
        : "Input should be " + quoted.substring(0, last) + " or" + quoted.substring(last + 1);
  }

  static String[] wireNames(boolean withDuration) {
    return Stream.concat(
            withDuration ? Stream.of(DURATION) : Stream.empty(),
            Arrays.stream(values()).map(Metric::wireName))
        .toArray(String[]::new);
  }
}
