package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code user_day.sources} column ({@code [{"source", "device_name", "steps",
 * "distance_m", "calories_j", "sample_count"}, ...]}, JSONB as text) into {@link
 * ActigraphyDay.Source}s. The values are those of {@code UserDayQueries}' tree reading ({@code
 * path(name).asText()}, {@code asDouble()}, {@code asInt()}: a missing field is {@code ""} or 0).
 * The column as PostgreSQL prints it (flat objects of plain strings and numbers) is read by {@link
 * Scanner} straight from the bytes; anything it does not read exactly as the tree would goes to a
 * streaming parser over the decoded column, and any shape that one could read differently to the
 * tree reading itself.
 */
final class SourcesColumn {

  /** FastDoubleParser: correctly rounded like Double.parseDouble, without its slow paths. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private static final ObjectMapper TREE = new ObjectMapper();

  private SourcesColumn() {}

  /** The column's UTF-8 text as the driver received it (no String in between). */
  static List<ActigraphyDay.Source> parse(byte[] json) throws SQLException {
    List<ActigraphyDay.Source> scanned = scanned(json);
    if (scanned != null) {
      return scanned;
    }
    // Decoded once, as the tree reading needs it anyway: the streaming parser then reads the same
    // chars (from bytes it would skip a BOM, take zero bytes for UTF-16 or UTF-32 and decode some
    // ill-formed UTF-8 where the String has U+FFFD).
    String text = new String(json, StandardCharsets.UTF_8);
    try (JsonParser parser = FACTORY.createParser(text)) {
      List<ActigraphyDay.Source> sources = streamed(parser);
      if (sources != null && parser.nextToken() == null) {
        return sources;
      }
    } catch (IOException e) {
      // Not the usual shape: the tree reading below decides.
    }
    return tree(text);
  }

  /** The sources, or null at the first token the tree reading could read differently. */
  private static List<ActigraphyDay.Source> streamed(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return null;
    }
    List<ActigraphyDay.Source> sources = new ArrayList<>(2);
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      String source = "";
      String deviceName = "";
      double steps = 0;
      double distance = 0;
      double calories = 0;
      int sampleCount = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "source", "device_name" -> {
            if (value != JsonToken.VALUE_STRING) {
              return null;
            }
            if (name.equals("source")) {
              source = parser.getText();
            } else {
              deviceName = parser.getText();
            }
          }
          case "steps", "distance_m", "calories_j" -> {
            if (!value.isNumeric()) {
              return null;
            }
            double number = parser.getDoubleValue();
            switch (name) {
              case "steps" -> steps = number;
              case "distance_m" -> distance = number;
              default -> calories = number;
            }
          }
          case "sample_count" -> {
            if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != NumberType.INT) {
              return null;
            }
            sampleCount = parser.getIntValue();
          }
          default -> parser.skipChildren();
        }
      }
      sources.add(
          new ActigraphyDay.Source(source, deviceName, steps, distance, calories, sampleCount));
    }
    return token == JsonToken.END_ARRAY ? sources : null;
  }

  /** The usual column read by hand, or null where the parsers below decide. */
  static List<ActigraphyDay.Source> scanned(byte[] json) {
    return new Scanner(json).sources();
  }

  /** {@code UserDayQueries.sources}' reading, for any other shape. */
  static List<ActigraphyDay.Source> tree(String json) throws SQLException {
    JsonNode array;
    try {
      array = TREE.readTree(json);
    } catch (IOException e) {
      throw new SQLException("user_day.sources is not JSON", e);
    }
    List<ActigraphyDay.Source> sources = new ArrayList<>(array.size());
    for (JsonNode source : array) {
      sources.add(
          new ActigraphyDay.Source(
              source.path("source").asText(),
              source.path("device_name").asText(),
              source.path("steps").asDouble(),
              source.path("distance_m").asDouble(),
              source.path("calories_j").asDouble(),
              source.path("sample_count").asInt()));
    }
    return sources;
  }

  /**
   * One pass over the column as PostgreSQL prints it: an array of flat objects whose values are
   * strings without escapes or numbers (those of other keys too). {@link #sources()} is null at the
   * first byte it leaves to the parsers: another value (null, true, an object, a string where a
   * number is read...), an escape, a control character, U+FFFD (ill-formed UTF-8 included), a read
   * key twice, a {@code sample_count} that is not an int literal, a string or number beyond
   * Jackson's limits, bytes after the array, anything not JSON.
   */
  private static final class Scanner {

    /** Jackson's default {@code maxNameLength} (in chars; these are bytes). */
    private static final int MAX_STRING_BYTES = 50_000;

    /**
     * Room for the shortest digits of any finite double written out without exponent (at most 328
     * chars), far below Jackson's default {@code maxNumberLength} (1,000).
     */
    private static final int MAX_NUMBER_BYTES = 500;

    /** Every power of ten a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private static final int END = -1;

    private static final int OTHER = 0;
    private static final int SOURCE = 1;
    private static final int DEVICE_NAME = 1 << 1;
    private static final int STEPS = 1 << 2;
    private static final int DISTANCE = 1 << 3;
    private static final int CALORIES = 1 << 4;
    private static final int SAMPLE_COUNT = 1 << 5;

    private static final byte[] SOURCE_KEY = ascii("source");
    private static final byte[] DEVICE_NAME_KEY = ascii("device_name");
    private static final byte[] STEPS_KEY = ascii("steps");
    private static final byte[] DISTANCE_KEY = ascii("distance_m");
    private static final byte[] CALORIES_KEY = ascii("calories_j");
    private static final byte[] SAMPLE_COUNT_KEY = ascii("sample_count");

    private final byte[] json;
    private int pos;

    /** Whether the last string {@link #stringEnd} passed was all ASCII. */
    private boolean ascii;

    // The last number literal read by number().
    private int numberStart;
    private boolean negative;
    private boolean integer;
    private boolean exponent;
    private int significantDigits;
    private int fractionDigits;

    /** Its first 18 significant digits, without the sign and the point. */
    private long mantissa;

    Scanner(byte[] json) {
      this.json = json;
    }

    /** The sources, or null where the parsers decide. */
    List<ActigraphyDay.Source> sources() {
      if (next() != '[') {
        return null;
      }
      pos++;
      List<ActigraphyDay.Source> sources = new ArrayList<>(2);
      if (next() == ']') {
        pos++;
        return next() == END ? sources : null;
      }
      while (true) {
        ActigraphyDay.Source source = source();
        if (source == null) {
          return null;
        }
        sources.add(source);
        int c = next();
        pos++;
        if (c == ']') {
          return next() == END ? sources : null;
        }
        if (c != ',') {
          return null;
        }
      }
    }

    private ActigraphyDay.Source source() {
      if (next() != '{') {
        return null;
      }
      pos++;
      String source = "";
      String deviceName = "";
      double steps = 0;
      double distance = 0;
      double calories = 0;
      int sampleCount = 0;
      int read = 0;
      int c = next();
      if (c == '}') {
        pos++;
        return new ActigraphyDay.Source(source, deviceName, steps, distance, calories, sampleCount);
      }
      while (true) {
        if (c != '"') {
          return null;
        }
        int keyStart = pos + 1;
        int keyEnd = stringEnd(keyStart);
        if (keyEnd < 0) {
          return null;
        }
        pos = keyEnd + 1;
        if (next() != ':') {
          return null;
        }
        pos++;
        int field = field(keyStart, keyEnd);
        if ((read & field) != 0) {
          return null;
        }
        read |= field;
        c = next();
        switch (field) {
          case SOURCE, DEVICE_NAME -> {
            String text = c == '"' ? string() : null;
            if (text == null) {
              return null;
            }
            if (field == SOURCE) {
              source = text;
            } else {
              deviceName = text;
            }
          }
          case STEPS, DISTANCE, CALORIES -> {
            if (!number()) {
              return null;
            }
            double value = doubleValue();
            if (field == STEPS) {
              steps = value;
            } else if (field == DISTANCE) {
              distance = value;
            } else {
              calories = value;
            }
          }
          case SAMPLE_COUNT -> {
            // The tree's asInt() of anything but an IntNode is left to it.
            if (!number() || !integer || significantDigits > 10) {
              return null;
            }
            long value = negative ? -mantissa : mantissa;
            if (value != (int) value) {
              return null;
            }
            sampleCount = (int) value;
          }
          default -> {
            if (c == '"') {
              int end = stringEnd(pos + 1);
              if (end < 0) {
                return null;
              }
              pos = end + 1;
            } else if (!number()) {
              return null;
            }
          }
        }
        c = next();
        pos++;
        if (c == '}') {
          return new ActigraphyDay.Source(
              source, deviceName, steps, distance, calories, sampleCount);
        }
        if (c != ',') {
          return null;
        }
        c = next();
      }
    }

    /** The key between {@code start} and {@code end} (its closing quote) as a field bit. */
    private int field(int start, int end) {
      return switch (end - start) {
        case 5 -> is(start, STEPS_KEY) ? STEPS : OTHER;
        case 6 -> is(start, SOURCE_KEY) ? SOURCE : OTHER;
        case 10 -> is(start, DISTANCE_KEY) ? DISTANCE : is(start, CALORIES_KEY) ? CALORIES : OTHER;
        case 11 -> is(start, DEVICE_NAME_KEY) ? DEVICE_NAME : OTHER;
        case 12 -> is(start, SAMPLE_COUNT_KEY) ? SAMPLE_COUNT : OTHER;
        default -> OTHER;
      };
    }

    /** Whether the key of {@code key.length} bytes at {@code start} is {@code key}. */
    private boolean is(int start, byte[] key) {
      byte[] b = json;
      for (int i = 0; i < key.length; i++) {
        if (b[start + i] != key[i]) {
          return false;
        }
      }
      return true;
    }

    /** The byte at {@link #pos} after JSON whitespace (0 to 255), or {@link #END}. */
    private int next() {
      byte[] b = json;
      for (int i = pos; i < b.length; i++) {
        int c = b[i] & 0xFF;
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          pos = i;
          return c;
        }
      }
      pos = b.length;
      return END;
    }

    /**
     * The index of the quote closing the string whose first byte is at {@code start}, or -1 at an
     * escape, a control character (invalid JSON), the end or beyond {@link #MAX_STRING_BYTES}.
     */
    private int stringEnd(int start) {
      byte[] b = json;
      int limit = b.length - start > MAX_STRING_BYTES ? start + MAX_STRING_BYTES + 1 : b.length;
      boolean ascii = true;
      for (int i = start; i < limit; i++) {
        byte c = b[i];
        if (c == '"') {
          this.ascii = ascii;
          return i;
        }
        if (c == '\\' || (c >= 0 && c < 0x20)) {
          return -1;
        }
        if (c < 0) {
          ascii = false;
        }
      }
      return -1;
    }

    /** The string whose opening quote is at {@link #pos}, or null. */
    private String string() {
      int start = pos + 1;
      int end = stringEnd(start);
      if (end < 0) {
        return null;
      }
      pos = end + 1;
      if (ascii) {
        return new String(json, start, end - start, StandardCharsets.ISO_8859_1);
      }
      // Decoded alone as in the whole column (a quote is never part of a UTF-8 sequence); a U+FFFD
      // may stand for ill-formed bytes, left to the readings of the decoded column to be sure.
      String text = new String(json, start, end - start, StandardCharsets.UTF_8);
      return text.indexOf('\uFFFD') < 0 ? text : null;
    }

    /** Reads the JSON number literal at {@link #pos} into the number fields; false if none. */
    private boolean number() {
      byte[] b = json;
      int n = b.length;
      int i = pos;
      numberStart = i;
      negative = i < n && b[i] == '-';
      if (negative) {
        i++;
      }
      long m = 0;
      int significant = 0;
      if (i < n && b[i] == '0') {
        i++;
      } else {
        int start = i;
        for (; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
          if (significant < 18) {
            m = m * 10 + (b[i] - '0');
          }
          significant++;
        }
        if (i == start) {
          return false;
        }
      }
      int fraction = 0;
      boolean point = i < n && b[i] == '.';
      if (point) {
        int start = ++i;
        for (; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
          int digit = b[i] - '0';
          if (significant > 0 || digit != 0) {
            if (significant < 18) {
              m = m * 10 + digit;
            }
            significant++;
          }
        }
        fraction = i - start;
        if (fraction == 0) {
          return false;
        }
      }
      boolean e = i < n && (b[i] == 'e' || b[i] == 'E');
      if (e) {
        i++;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
          i++;
        }
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
          i++;
        }
        if (i == start) {
          return false;
        }
      }
      if (i - numberStart > MAX_NUMBER_BYTES) {
        return false;
      }
      pos = i;
      integer = !point && !e;
      exponent = e;
      significantDigits = significant;
      fractionDigits = fraction;
      mantissa = m;
      return true;
    }

    /**
     * The tree's {@code asDouble()} of the last number: an int literal is an IntNode, LongNode or
     * BigIntegerNode (so {@code -0} is 0.0), anything else a DoubleNode of {@code
     * Double.parseDouble}, computed exactly when mantissa and power of ten are both exact doubles
     * (one correctly rounded operation: Clinger's fast path).
     */
    private double doubleValue() {
      if (integer) {
        if (significantDigits <= 18) {
          return negative ? -mantissa : mantissa;
        }
      } else if (!exponent && significantDigits <= 15 && fractionDigits <= 22) {
        double value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
      }
      // Beyond a long, BigInteger.doubleValue() rounds as parseDouble does (never zero here).
      return Double.parseDouble(
          new String(json, numberStart, pos - numberStart, StandardCharsets.ISO_8859_1));
    }

    private static byte[] ascii(String key) {
      return key.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
