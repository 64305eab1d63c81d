package io.wearflow.jobs.timeframe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.jobs.timeframe.metrics.ComputedData;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import java.util.Map;

/** The JSON ends of the job: a definition's {@code params_json} in, computed data out. */
final class TimeframeJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private TimeframeJson() {}

  /**
   * The params of {@code json}, a JSON object.
   *
   * @throws IllegalArgumentException when it is not a JSON object or a value is invalid
   */
  static TimeframeParams params(String json) {
    Map<String, Object> object;
    try {
      object = MAPPER.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("params_json is not a JSON object: " + e.getMessage(), e);
    }
    if (object == null) {
      throw new IllegalArgumentException("params_json is not a JSON object: " + json);
    }
    return TimeframeParams.fromJson(object);
  }

  /** The reference's computed-data object as a JSON string. */
  static String render(ComputedData data) {
    try {
      return MAPPER.writeValueAsString(data.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render computed data", e);
    }
  }
}
