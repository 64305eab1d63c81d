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
 * ActigraphyDay.Source}s with a streaming parser. The values are those of {@code UserDayQueries}'
 * tree reading ({@code path(name).asText()}, {@code asDouble()}, {@code asInt()}: a missing field
 * is {@code ""} or 0): the job always writes strings and numbers, which are read here directly; any
 * other shape is handed to the same tree reading.
 */
final class SourcesColumn {

  /** FastDoubleParser: correctly rounded like Double.parseDouble, without its slow paths. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private static final ObjectMapper TREE = new ObjectMapper();

  private SourcesColumn() {}

  /** The column's UTF-8 text as the driver received it (no String in between). */
  static List<ActigraphyDay.Source> parse(byte[] json) throws SQLException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      List<ActigraphyDay.Source> sources = streamed(parser);
      if (sources != null && parser.nextToken() == null) {
        return sources;
      }
    } catch (IOException e) {
      // Not the usual shape: the tree reading below decides.
    }
    return tree(new String(json, StandardCharsets.UTF_8));
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
}
