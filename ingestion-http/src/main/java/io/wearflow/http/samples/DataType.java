package io.wearflow.http.samples;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a batch of samples measures, with the units its values may be sent in: steps are counted
 * ({@code count}); heart rate is a rate, {@code count/min} (beats per minute) or {@code count/s}
 * (beats per second). Values are kept in the unit they were sent in; readers of the {@code samples}
 * topic convert {@code count/s} to per-minute (times 60) where they need bpm.
 */
public enum DataType {
  STEPS("steps", Set.of(SampleUnit.COUNT)),
  BPM("bpm", Set.of(SampleUnit.COUNT_PER_MINUTE, SampleUnit.COUNT_PER_SECOND));

  private final String wireName;
  private final Set<SampleUnit> units;

  DataType(String wireName, Set<SampleUnit> units) {
    this.wireName = wireName;
    this.units = units;
  }

  /** The type as written in requests and in the Avro {@code data_type} field. */
  public String wireName() {
    return wireName;
  }

  public boolean accepts(SampleUnit unit) {
    return units.contains(unit);
  }

  /** The accepted units in declaration order, e.g. "count/min or count/s", for error messages. */
  public String acceptedUnits() {
    return Arrays.stream(SampleUnit.values())
        .filter(units::contains)
        .map(SampleUnit::wireName)
        .collect(Collectors.joining(" or "));
  }

  public static Optional<DataType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
