package io.wearflow.http.samples;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The units a sample's value may be sent in, with the largest value each accepts: 30000 counted in
 * an interval ({@code count}), 300 per minute ({@code count/min}), 5 per second ({@code count/s},
 * the same 300 per minute).
 */
public enum SampleUnit {
  COUNT("count", new BigDecimal("30000")),
  COUNT_PER_MINUTE("count/min", new BigDecimal("300")),
  COUNT_PER_SECOND("count/s", new BigDecimal("5"));

  private static final SampleUnit[] VALUES = values();

  private final String wireName;
  private final BigDecimal maxValue;

  SampleUnit(String wireName, BigDecimal maxValue) {
    this.wireName = wireName;
    this.maxValue = maxValue;
  }

  /** The unit as written in requests and in the Avro {@code unit} field. */
  public String wireName() {
    return wireName;
  }

  /** The largest accepted value, inclusive. */
  public BigDecimal maxValue() {
    return maxValue;
  }

  public static Optional<SampleUnit> fromWireName(String name) {
    for (SampleUnit unit : VALUES) {
      if (unit.wireName.equals(name)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }
}
