package io.wearflow.http.timeseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.http.json.JsonSupport;

/** Activity time-series request bodies for tests. */
final class TimeSeriesJson {

  /** 2014-05-22T17:51:30Z, the first timestamp of the reference example. */
  static final long T0 = 1_400_781_090L;

  static final String REFERENCE_EXAMPLE =
      """
      {
          "recorder_type_key": "test_model",
          "recorder_identifier": "12345",
          "time_series": {
              "steps": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              },
              "distance": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              },
              "calories": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              }
          }
      }
      """;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TimeSeriesJson() {}

  /** A request of the recorder test_model/12345 without series. */
  static ObjectNode request() {
    ObjectNode body = NODES.objectNode();
    body.put("recorder_type_key", "test_model");
    body.put("recorder_identifier", "12345");
    body.putObject("time_series");
    return body;
  }

  /**
   * Adds a series of {@code count} one-minute points from {@code start}, value {@code value}, and
   * returns its values array.
   */
  static ArrayNode addSeries(ObjectNode body, String name, long start, int count, double value) {
    ArrayNode values = ((ObjectNode) body.get("time_series")).putObject(name).putArray("values");
    for (int i = 0; i < count; i++) {
      values.addArray().add(start + 60L * i).add(value);
    }
    return values;
  }

  static ArrayNode values(JsonNode body, String series) {
    return (ArrayNode) body.get("time_series").get(series).get("values");
  }

  static JsonNode json(String text) {
    try {
      return JsonSupport.newObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
