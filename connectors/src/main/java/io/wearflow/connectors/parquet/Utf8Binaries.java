package io.wearflow.connectors.parquet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * The UTF-8 {@link Binary} of strings that repeat from row to row (source, device, data type, unit,
 * zone), encoded once per distinct value instead of once per row. Holds at most {@code capacity}
 * distinct strings; when a new one would exceed that, it starts over empty, so a column of unique
 * strings costs one encoding per row as without it.
 */
final class Utf8Binaries {

  private final int capacity;
  private final Map<String, Binary> binaries = new HashMap<>();

  Utf8Binaries(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The UTF-8 bytes of {@code value}, as a Binary that is never modified afterwards. */
  Binary of(String value) {
    Binary binary = binaries.get(value);
    if (binary == null) {
      binary = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
      if (binaries.size() >= capacity) {
        binaries.clear();
      }
      binaries.put(value, binary);
    }
    return binary;
  }

  /** Number of distinct strings held. */
  int size() {
    return binaries.size();
  }
}
