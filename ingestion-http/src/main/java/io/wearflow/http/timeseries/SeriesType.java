package io.wearflow.http.timeseries;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The series an activity time series may carry, in SI units, with the largest value one one-minute
 * point may have. The bounds refuse sentinel and garbage values while leaving room for any real
 * effort:
 *
 * <ul>
 *   <li>{@code steps}, count: at most 1,000 per minute (elite sprint cadence is about 300).
 *   <li>{@code distance}, metres: at most 1,000 per minute (60 km/h; the fastest human sprint is
 *       about 37 km/h, fast cycling stays under it).
 *   <li>{@code calories}, joules: at most 200,000 per minute (about 3.3 kW or 48 kcal/min; a
 *       maximal one-minute effort of an elite athlete is about 150,000 J).
 * </ul>
 *
 * The series name is also the {@code data_type} of the {@code samples} records.
 */
public enum SeriesType {
  STEPS("steps", "count", new BigDecimal("1000")),
  DISTANCE("distance", "m", new BigDecimal("1000")),
  CALORIES("calories", "J", new BigDecimal("200000"));

  private final String wireName;
  private final String unit;
  private final BigDecimal maxPerPoint;

  SeriesType(String wireName, String unit, BigDecimal maxPerPoint) {
    this.wireName = wireName;
    this.unit = unit;
    this.maxPerPoint = maxPerPoint;
  }

  /** The name in requests and the {@code data_type} of the records. */
  public String wireName() {
    return wireName;
  }

  /** The unit of values, as in the {@code unit} of the records. */
  public String unit() {
    return unit;
  }

  /** The largest value of one point (one minute), inclusive. */
  public BigDecimal maxPerPoint() {
    return maxPerPoint;
  }

  public static Optional<SeriesType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  /** "steps, distance, calories", for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(SeriesType::wireName).collect(Collectors.joining(", "));
  }
}
