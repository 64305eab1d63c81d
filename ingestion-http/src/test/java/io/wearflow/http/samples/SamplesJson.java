package io.wearflow.http.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds samples request bodies for tests. */
final class SamplesJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SamplesJson() {}

  /** A valid steps sample: iPhone 17.0.3, one minute from 08:04:{second} at +04:00. */
  static ObjectNode stepsSample(int second, int value) {
    String start = String.format("2023-11-01T08:04:%02d.000+04:00", second);
    String end = String.format("2023-11-01T08:05:%02d.000+04:00", second);
    ObjectNode sample = NODES.objectNode();
    sample.put("device_name", "iPhone");
    sample.put("device_version", "17.0.3");
    sample.put("start_date", start);
    sample.put("end_date", end);
    sample.put("value", value);
    sample.put("unit", "count");
    return sample;
  }

  /** A valid heart-rate sample at 2023-11-01T09:00:{second}Z, {@code bpm} count/min. */
  static ObjectNode bpmSample(int second, int bpm) {
    ObjectNode sample = NODES.objectNode();
    sample.put("device_name", "Apple Watch");
    sample.put("start_date", String.format("2023-11-01T09:00:%02dZ", second));
    sample.put("value", bpm);
    sample.put("unit", "count/min");
    return sample;
  }

  static ObjectNode batch(String dataType, ObjectNode... samples) {
    ObjectNode body = NODES.objectNode();
    body.put("data_type", dataType);
    ArrayNode data = body.putArray("data");
    for (ObjectNode sample : samples) {
      data.add(sample);
    }
    return body;
  }

  static ObjectNode stepsBatch(int size) {
    ObjectNode[] samples = new ObjectNode[size];
    for (int i = 0; i < size; i++) {
      samples[i] = stepsSample(i % 60, 10 + i % 100);
    }
    return batch("steps", samples);
  }
}
