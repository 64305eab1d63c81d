package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.http.actigraphy.ActigraphyDay.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanned and streamed reads of {@code user_day.sources} against the tree reading. */
class SourcesColumnTest {

  @Test
  void readsTheColumnAsPostgresqlReturnsIt() throws SQLException {
    // jsonb orders keys by length, and prints numbers as numerics (no exponent).
    String column =
        "[{\"steps\": 8000.0, \"source\": \"activity-timeseries-0.1\", \"calories_j\": 12000000,"
            + " \"distance_m\": 6120.5, \"device_name\": \"band \\\"2\\\" ⌚\","
            + " \"sample_count\": 4140}]";

    assertThat(SourcesColumn.parse(column.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            new Source("activity-timeseries-0.1", "band \"2\" ⌚", 8000.0, 6120.5, 1.2e7, 4140))
        .isEqualTo(SourcesColumn.tree(column));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        " [ ] ",
        "[{}]",
        "[{\"source\": \"a\"}, {\"device_name\": \"b\", \"steps\": 1}]",
        "[{\"steps\": \"12.5\", \"sample_count\": \"7\"}]",
        "[{\"source\": null, \"device_name\": 3, \"steps\": true}]",
        "[{\"sample_count\": 3.9, \"distance_m\": 1e400}]",
        "[{\"sample_count\": 12345678901, \"calories_j\": -0.0}]",
        "[{\"source\": {\"nested\": [1, 2]}, \"extra\": [{\"x\": 1}], \"steps\": 2}]",
        "[{\"extra\": {\"source\": \"x\"}, \"source\": \"y\"}]",
        "[1, \"x\", null]",
        "{\"source\": \"not an array\"}",
        "[{\"source\": \"a\", \"source\": \"b\"}]"
      })
  void everyShapeReadsAsTheTreeReadsIt(String column) throws SQLException {
    List<Source> tree = SourcesColumn.tree(column);

    assertThat(SourcesColumn.parse(column.getBytes(StandardCharsets.UTF_8))).isEqualTo(tree);
  }

  @Test
  void notJsonIsAnSqlError() {
    assertThatThrownBy(() -> SourcesColumn.parse("[{\"source\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SQLException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"steps\": 8000.0, \"source\": \"activity-timeseries-0.1\", \"calories_j\": 12000000,"
            + " \"distance_m\": 6120.5, \"device_name\": \"band\", \"sample_count\": 4140}]",
        "[{\"steps\": 8000.0, \"source\": \"activity-timeseries-0.1\", \"calories_j\": 12000000,"
            + " \"distance_m\": 6120.5, \"device_name\": \"band\", \"sample_count\": 4140},"
            + " {\"steps\": 312, \"source\": \"samples-0.1\", \"calories_j\": 0.1, \"distance_m\":"
            + " 0.0000001, \"device_name\": \"Wåtch ⌚ 😀\", \"sample_count\": 0}, {}]",
        "[{\"steps\": -12.25, \"calories_j\": -3, \"distance_m\": -0.0, \"sample_count\": -7}]",
        "[{\"steps\": -0, \"calories_j\": 0, \"distance_m\": 0.0, \"sample_count\": -0}]",
        "[{\"steps\": 0.1, \"calories_j\": 2.675, \"distance_m\": 0.30000000000000004}]",
        "[{\"steps\": 123456789012345678, \"calories_j\": 1234567890123456789012}]",
        "[{\"steps\": 12345678901234567.5, \"calories_j\": 9007199254740993,"
            + " \"distance_m\": 9007199254740993.0}]",
        "[{\"steps\": 0.000000000000000000000001, \"calories_j\": 0.0000000000000000000001,"
            + " \"distance_m\": 999999999999999.9}]",
        "[{\"steps\": 1e5, \"calories_j\": 1E-7, \"distance_m\": -0e0, \"sample_count\": 1}]",
        "[{\"sample_count\": 2147483647}, {\"sample_count\": -2147483648}]",
        "[{\"steps\": 179769313486231570000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000}]",
        "[{\"unit\": \"count\", \"source\": \"a\", \"version\": 2.5, \"z\": -1}]",
        "[\n  {\"source\":\"a\",\"steps\":1},\n\t{\"device_name\" :\"b\" , \"steps\":2}\r\n]\n",
        "[{\"source\": \"\", \"device_name\": \"\"}]"
      })
  void postgresqlOutputIsScannedAsTheTreeReadsIt(String column) throws SQLException {
    byte[] bytes = column.getBytes(StandardCharsets.UTF_8);
    List<Source> tree = SourcesColumn.tree(column);

    assertThat(SourcesColumn.scanned(bytes)).isEqualTo(tree);
    assertThat(SourcesColumn.parse(bytes)).isEqualTo(tree);
  }

  @Test
  void scansNumbersAsTheirLiteralsRound() throws SQLException {
    String column =
        "[{\"steps\": -0.0, \"source\": \"s\", \"calories_j\": 12000000, \"distance_m\":"
            + " 0.0000001, \"device_name\": \"d\", \"sample_count\": 2147483647},"
            + " {\"steps\": -0, \"calories_j\": 123456789012345678, \"distance_m\": 0.1}]";

    assertThat(SourcesColumn.scanned(column.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            new Source("s", "d", -0.0, 1e-7, 1.2e7, Integer.MAX_VALUE),
            new Source("", "", 0.0, 0.1, 123456789012345678.0, 0))
        .isEqualTo(SourcesColumn.tree(column));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"device_name\": \"band \\\"2\\\"\"}]",
        "[{\"source\": \"caf\\u00e9\"}]",
        "[{\"other\": \"a\\/b\", \"source\": \"x\"}]",
        "[{\"source\": \"replacement \uFFFD character\"}]",
        "[{\"sample_count\": 2147483648}]",
        "[{\"sample_count\": 1.0}]",
        "[{\"sample_count\": 1e2}]",
        "[{\"steps\": null}]",
        "[{\"other\": true, \"steps\": 1}]",
        "[{\"other\": [], \"steps\": 1}]",
        "[{\"steps\": 1, \"steps\": 2}]",
        "[{\"steps\": 1}, 2]",
        "[{\"steps\": 1}] ",
        "[{\"steps\": 1}] []",
        "[{\"steps\": 1},]",
        "[{\"steps\": 1,}]",
        "[{\"steps\": 01}]",
        "[{\"steps\": 1.}]",
        "[{\"steps\": .5}]",
        "[{\"steps\": +1}]",
        "[{\"steps\": 1e}]",
        "[{\"steps\": -}]",
        "[{\"steps\": 1x}]",
        "[{\"source\": \"tab\there\"}]",
        "[{'source': 'x'}]",
        "\uFEFF[{\"steps\": 1}]",
        ""
      })
  void whatTheScannerLeavesToTheParsersReadsAsTheTreeReadsIt(String column) {
    assertReadsAsTheTree(column.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void literalsBeyondTheScannersLimitsAreLeftToTheParsers() {
    String zeros = "0".repeat(1_100);
    String letters = "x".repeat(50_001);
    for (String column :
        new String[] {
          "[{\"steps\": 1" + zeros.substring(500) + "}]",
          "[{\"steps\": 0." + zeros.substring(600) + "1}]",
          "[{\"steps\": 1" + zeros + "}]",
          "[{\"source\": \"" + letters + "\"}]",
          "[{\"" + letters + "\": 1, \"source\": \"s\"}]"
        }) {
      byte[] bytes = column.getBytes(StandardCharsets.UTF_8);

      assertThat(SourcesColumn.scanned(bytes)).isNull();
      assertReadsAsTheTree(bytes);
    }
  }

  @Test
  void bytesJacksonWouldDecodeOtherwiseReadAsTheTreeReadsThem() {
    // A UTF-8 BOM, and zero bytes Jackson's byte reading would take for UTF-16.
    assertReadsAsTheTree(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'});
    assertReadsAsTheTree(new byte[] {'[', 0, ']', 0});
    assertReadsAsTheTree(new byte[] {0, '[', 0, ']'});
  }

  @Test
  void illFormedUtf8ReadsAsTheTreeReadsIt() throws SQLException {
    // Overlong NUL, an encoded surrogate, a truncated sequence, beyond U+10FFFF, a stray byte:
    // the tree reads the String the driver's bytes decode to, U+FFFD for each.
    int[][] sequences = {
      {0xC0, 0x80},
      {0xED, 0xA0, 0x80},
      {0xE2, 0x82},
      {0xF4, 0x90, 0x80, 0x80},
      {0xE0, 0x80, 0x80},
      {0x80},
      {0xFF}
    };
    for (int[] sequence : sequences) {
      for (String[] around :
          new String[][] {
            {"[{\"device_name\": \"a", "b\"}]"},
            {"[{\"device_name\": \"a\\\"", "\"}]"},
            {"[{\"other\": \"", "\", \"source\": \"s\"}]"},
            {"[{\"ot", "her\": 1, \"source\": \"s\"}]"}
          }) {
        byte[] before = around[0].getBytes(StandardCharsets.UTF_8);
        byte[] after = around[1].getBytes(StandardCharsets.UTF_8);
        byte[] column = Arrays.copyOf(before, before.length + sequence.length + after.length);
        for (int i = 0; i < sequence.length; i++) {
          column[before.length + i] = (byte) sequence[i];
        }
        System.arraycopy(after, 0, column, before.length + sequence.length, after.length);

        assertReadsAsTheTree(column);
      }
    }
    byte[] overlongNul = {'[', '{', '"', 's', 'o', 'u', 'r', 'c', 'e', '"', ':', '"', (byte) 0xC0};
    byte[] column = Arrays.copyOf(overlongNul, overlongNul.length + 4);
    column[overlongNul.length] = (byte) 0x80;
    column[overlongNul.length + 1] = '"';
    column[overlongNul.length + 2] = '}';
    column[overlongNul.length + 3] = ']';
    assertThat(SourcesColumn.parse(column))
        .containsExactly(new Source("\uFFFD\uFFFD", "", 0, 0, 0, 0));
  }

  /**
   * Random columns as PostgreSQL prints them (all scanned unless a string needs an escape), in odd
   * spellings (whitespace, key order, duplicates, other types, exponents, escapes, nesting) and
   * with a byte changed, inserted or cut (invalid JSON, ill-formed UTF-8): read as the tree does.
   */
  @Test
  void randomColumnsReadAsTheTreeReadsThem() throws SQLException {
    Random random = new Random(606);
    int scanned = 0;
    for (int i = 0; i < 10_000; i++) {
      boolean postgresql = random.nextInt(3) != 0;
      String column = postgresql ? postgresqlColumn(random) : oddColumn(random);
      byte[] bytes = column.getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(8) == 0) {
        bytes = damaged(random, bytes);
      } else if (postgresql && column.indexOf('\\') < 0) {
        assertThat(SourcesColumn.scanned(bytes)).as(column).isNotNull();
      }
      if (SourcesColumn.scanned(bytes) != null) {
        scanned++;
      }

      assertReadsAsTheTree(bytes);
    }
    assertThat(scanned).isGreaterThan(4_000);
  }

  private static void assertReadsAsTheTree(byte[] column) {
    String text = new String(column, StandardCharsets.UTF_8);
    List<Source> tree;
    try {
      tree = SourcesColumn.tree(text);
    } catch (SQLException e) {
      assertThatThrownBy(() -> SourcesColumn.parse(column))
          .as(text)
          .isInstanceOf(SQLException.class);
      return;
    }
    try {
      assertThat(SourcesColumn.parse(column)).as(text).isEqualTo(tree);
    } catch (SQLException e) {
      throw new AssertionError(text, e);
    }
  }

  private static final String[] KEYS = {
    "source", "device_name", "steps", "distance_m", "calories_j", "sample_count"
  };

  private static final String[] TEXTS = {
    "activity-timeseries-0.1",
    "samples-0.1",
    "band",
    "",
    "Wåtch ⌚",
    "手表 😀",
    "quote \" and backslash \\",
    "line\nbreak\ttab",
    "nul \u0000 unit \u001f del \u007f",
    "/slash/"
  };

  private static String postgresqlColumn(Random random) {
    StringBuilder column = new StringBuilder("[");
    int sources = random.nextInt(4);
    for (int s = 0; s < sources; s++) {
      List<String> keys = new ArrayList<>();
      for (String key : KEYS) {
        if (random.nextInt(8) != 0) {
          keys.add(key);
        }
      }
      if (random.nextInt(6) == 0) {
        keys.add(random.nextBoolean() ? "unit" : "resolution_s");
      }
      // jsonb: shorter keys first, then bytewise.
      keys.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
      column.append(s == 0 ? "{" : ", {");
      for (int k = 0; k < keys.size(); k++) {
        String key = keys.get(k);
        column.append(k == 0 ? "" : ", ").append('"').append(key).append("\": ");
        switch (key) {
          case "source", "device_name", "unit" -> column.append(postgresqlString(random));
          case "sample_count" ->
              column.append(random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(5000));
          default -> column.append(numeric(random));
        }
      }
      column.append('}');
    }
    return column.append(']').toString();
  }

  /** As jsonb prints a string: escapes only for quote, backslash and control characters. */
  private static String postgresqlString(Random random) {
    String text = TEXTS[random.nextInt(random.nextInt(4) == 0 ? TEXTS.length : 5)];
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** A numeric as PostgreSQL prints it: plain digits, no exponent. */
  private static String numeric(Random random) {
    BigDecimal value =
        switch (random.nextInt(7)) {
          case 0 -> BigDecimal.valueOf(random.nextInt(20_000));
          case 1 -> BigDecimal.valueOf(random.nextLong() >> random.nextInt(64));
          case 2 -> BigDecimal.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(12)));
          case 3 -> BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(30));
          case 4 ->
              new BigDecimal(random.nextDouble() * 1e6)
                  .setScale(random.nextInt(25), RoundingMode.HALF_EVEN);
          case 5 -> BigDecimal.valueOf(Double.longBitsToDouble(random.nextLong() >>> 2) % 1e20);
          default ->
              new BigDecimal(
                  new String(digits(random, 1 + random.nextInt(25)))
                      + "."
                      + new String(digits(random, 1 + random.nextInt(25))));
        };
    if (random.nextInt(5) == 0) {
      value = value.negate();
    }
    String text = value.toPlainString();
    return text.length() > 1 && text.charAt(0) == '0' && text.charAt(1) != '.'
        ? new BigDecimal(text).toPlainString()
        : text;
  }

  private static char[] digits(Random random, int count) {
    char[] digits = new char[count];
    for (int i = 0; i < count; i++) {
      digits[i] = (char) ('0' + random.nextInt(10));
    }
    return digits;
  }

  private static final String[] ODD_VALUES = {
    "null",
    "true",
    "false",
    "{}",
    "[]",
    "{\"source\": \"nested\"}",
    "[1, \"x\"]",
    "\"12.5\"",
    "\"7\"",
    "\"caf\\u00e9 \\\"q\\\" \\\\ \\/\"",
    "\"\uFFFD\"",
    "\"😀\"",
    "1e5",
    "-2.5E-3",
    "1E+2",
    "-0e0",
    "4.9e-324",
    "1e400",
    "-0",
    "-0.0",
    "0.1",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "3.9",
    "-3.9",
    "1.0000000000000000000000001",
    "0.000000000000000000000000000000000000001"
  };

  private static final String[] SPACES = {"", " ", "  ", "\n", "\t", "\r\n", " \n  "};

  private static String oddColumn(Random random) {
    StringBuilder column = new StringBuilder();
    column.append(space(random)).append(random.nextInt(30) == 0 ? "{" : "[");
    int sources = random.nextInt(4);
    for (int s = 0; s < sources; s++) {
      column.append(s == 0 ? "" : ",").append(space(random));
      if (random.nextInt(15) == 0) {
        column.append(ODD_VALUES[random.nextInt(ODD_VALUES.length)]).append(space(random));
        continue;
      }
      column.append('{');
      int fields = random.nextInt(9);
      for (int f = 0; f < fields; f++) {
        String key =
            random.nextInt(5) == 0
                ? (random.nextBoolean() ? "other" : "sourc\\u0065")
                : KEYS[random.nextInt(KEYS.length)];
        column.append(f == 0 ? "" : ",").append(space(random));
        column.append('"').append(key).append('"').append(space(random)).append(':');
        column.append(space(random));
        switch (random.nextInt(4)) {
          case 0 -> column.append(ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
          case 1 -> column.append(postgresqlString(random));
          default ->
              column.append(
                  key.equals("sample_count") && random.nextBoolean()
                      ? String.valueOf(random.nextInt())
                      : numeric(random));
        }
        column.append(space(random));
      }
      column.append('}').append(space(random));
    }
    column.append(random.nextInt(30) == 0 ? "}" : "]").append(space(random));
    if (random.nextInt(40) == 0) {
      column.append(random.nextBoolean() ? "[]" : "x");
    }
    return column.toString();
  }

  private static String space(Random random) {
    return random.nextInt(3) == 0 ? SPACES[random.nextInt(SPACES.length)] : "";
  }

  private static final byte[] DAMAGE = {
    '"',
    '\\',
    ',',
    ':',
    '{',
    '}',
    '[',
    ']',
    ' ',
    '0',
    '9',
    '-',
    '.',
    'e',
    'n',
    0x00,
    0x1f,
    (byte) 0xC0,
    (byte) 0x80,
    (byte) 0xBF,
    (byte) 0xE2,
    (byte) 0xED,
    (byte) 0xF4,
    (byte) 0xFF
  };

  /** One byte replaced, inserted or deleted, or the column cut short. */
  private static byte[] damaged(Random random, byte[] column) {
    if (column.length == 0) {
      return column;
    }
    int at = random.nextInt(column.length);
    byte damage = DAMAGE[random.nextInt(DAMAGE.length)];
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] replaced = column.clone();
        replaced[at] = damage;
        return replaced;
      }
      case 1 -> {
        byte[] inserted = new byte[column.length + 1];
        System.arraycopy(column, 0, inserted, 0, at);
        inserted[at] = damage;
        System.arraycopy(column, at, inserted, at + 1, column.length - at);
        return inserted;
      }
      case 2 -> {
        byte[] deleted = new byte[column.length - 1];
        System.arraycopy(column, 0, deleted, 0, at);
        System.arraycopy(column, at + 1, deleted, at, column.length - at - 1);
        return deleted;
      }
      default -> {
        return Arrays.copyOf(column, at);
      }
    }
  }
}
