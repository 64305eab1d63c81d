package io.wearflow.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Breaks valid request bodies at random, reproducibly from a seed: drops, duplicates and retypes
 * members and array elements, nudges numbers, and puts in the values validators tend to trip on
 * (NaN and infinities as parsed trees can hold them, 1e308, 1e400, 1e-400, -0.0, Long.MAX_VALUE,
 * 40-digit integers, empty, blank, NUL-carrying and over-long strings, dates in year +999999999,
 * deep nesting).
 */
public final class JsonMutator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final String[] STRINGS = {
    "",
    " ",
    "\u0000",
    "NaN",
    "Infinity",
    "1e3",
    "123",
    "-1",
    "true",
    "null",
    "x".repeat(300),
    "\uD83C\uDFC3".repeat(200),
    "2023-11-01T08:04:51+04:00",
    "2023-11-01T08:04:51",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "1969-12-31T23:59:59Z",
    "9999-12-31T23:59:59.999Z",
    "+10000-01-01T00:00:00Z",
    "2024-02-30T00:00:00Z",
    "steps",
    "bpm",
    "count",
    "count/min",
    "count/s",
    "distance",
    "calories",
    "heart_rate",
    "https://example.com/app",
    "/relative",
    "run-1",
  };

  private final Random random;

  public JsonMutator(long seed) {
    this.random = new Random(seed);
  }

  /** The underlying generator, for callers' own reproducible choices. */
  public Random random() {
    return random;
  }

  /** A copy of {@code valid} with one to three random mutations. */
  public JsonNode mutate(JsonNode valid) {
    JsonNode body = valid.deepCopy();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      if (random.nextInt(50) == 0) {
        return randomValue(2);
      }
      body = mutateOnce(body);
    }
    return body;
  }

  private JsonNode mutateOnce(JsonNode body) {
    List<Slot> slots = new ArrayList<>();
    collect(body, slots);
    if (slots.isEmpty()) {
      return body;
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    JsonNode current = slot.get();
    switch (random.nextInt(6)) {
      case 0 -> slot.remove();
      case 1 -> slot.duplicate(random);
      case 2, 3 -> slot.set(current.isNumber() ? nudge(current) : randomValue(2));
      default -> slot.set(randomValue(2));
    }
    return body;
  }

  /** A random JSON value, containers up to {@code depth} levels deep. */
  public JsonNode randomValue(int depth) {
    int kind = random.nextInt(depth > 0 ? 12 : 10);
    return switch (kind) {
      case 0, 1 -> randomNumber();
      case 2 -> NODES.numberNode(random.nextInt(2000) - 500);
      case 3, 4 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 5 -> NODES.textNode(randomString());
      case 6 -> NODES.booleanNode(random.nextBoolean());
      case 7 -> NODES.nullNode();
      case 8 -> deepArray(1 + random.nextInt(random.nextBoolean() ? 10 : 800));
      case 9 -> NODES.numberNode(System.currentTimeMillis() - random.nextInt(1_000_000_000));
      case 10 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(randomString(), randomValue(depth - 1));
        }
        yield object;
      }
    };
  }

  private JsonNode randomNumber() {
    return switch (random.nextInt(16)) {
      case 0 -> NODES.numberNode(Double.NaN);
      case 1 -> NODES.numberNode(Double.POSITIVE_INFINITY);
      case 2 -> NODES.numberNode(Double.NEGATIVE_INFINITY);
      case 3 -> NODES.numberNode(-0.0);
      case 4 -> NODES.numberNode(new BigDecimal("1e308"));
      case 5 -> NODES.numberNode(new BigDecimal("1e400"));
      case 6 -> NODES.numberNode(new BigDecimal("-1e400"));
      case 7 -> NODES.numberNode(new BigDecimal("1e-400"));
      case 8 -> NODES.numberNode(Long.MAX_VALUE);
      case 9 -> NODES.numberNode(Long.MIN_VALUE);
      case 10 -> NODES.numberNode(BigInteger.TEN.pow(40));
      case 11 -> NODES.numberNode(Double.MAX_VALUE);
      case 12 -> NODES.numberNode(Double.MIN_VALUE);
      case 13 -> NODES.numberNode(new BigDecimal("4.0"));
      case 14 -> NODES.numberNode(random.nextDouble() * 1000);
      default -> NODES.numberNode(random.nextGaussian() * 1e6);
    };
  }

  private JsonNode nudge(JsonNode number) {
    BigDecimal value =
        number.isDouble() && !Double.isFinite(number.doubleValue())
            ? BigDecimal.ZERO
            : number.decimalValue();
    BigDecimal nudged =
        switch (random.nextInt(6)) {
          case 0 -> value.add(BigDecimal.ONE);
          case 1 -> value.subtract(BigDecimal.ONE);
          case 2 -> value.negate();
          case 3 -> value.multiply(BigDecimal.valueOf(1000));
          case 4 -> value.add(new BigDecimal("0.5"));
          default -> value.add(BigDecimal.valueOf(86_400_000L * (random.nextInt(21) - 10)));
        };
    return nudged.scale() <= 0 && random.nextBoolean()
        ? NODES.numberNode(nudged.toBigInteger())
        : NODES.numberNode(nudged);
  }

  private String randomString() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      int codePoint =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x20 + random.nextInt(0x5F);
            case 2 -> 0xA0 + random.nextInt(0x2000);
            default -> 0x1F300 + random.nextInt(0x100);
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private static JsonNode deepArray(int depth) {
    ArrayNode root = NODES.arrayNode();
    ArrayNode current = root;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    return root;
  }

  private void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        slots.add(new Slot(object, name, -1));
        collect(object.get(name), slots);
      }
    } else if (node instanceof ArrayNode array) {
      // Sample long arrays: every element of a 1000-point series would drown the rest.
      int step = Math.max(1, array.size() / 8);
      for (int i = 0; i < array.size(); i += step) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** A member of an object or an element of an array. */
  private record Slot(ContainerNode<?> parent, String name, int index) {

    JsonNode get() {
      return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (name != null) {
        ((ObjectNode) parent).set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (name != null) {
        ((ObjectNode) parent).remove(name);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }

    void duplicate(Random random) {
      if (name != null) {
        ((ObjectNode) parent).set(name + random.nextInt(3), get().deepCopy());
      } else {
        ((ArrayNode) parent).insert(index, get().deepCopy());
      }
    }
  }
}
