package io.wearflow.http.samples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wearflow.http.json.JsonBodyParser;
import io.wearflow.http.json.NulCharacters;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a valid {@code POST /api/v1.1/samples} body straight from the JSON tokens, without building
 * a tree (which was the largest cost of a 1000-sample request). Only for bodies it can vouch for:
 * well-formed, members of the contract only ({@code data_type}, {@code data}, and the six sample
 * members), every sample valid. Anything else, an error or merely something unusual, answers null,
 * and the request takes the usual way ({@link io.wearflow.http.json.JsonRequestReader#read}, then
 * {@link SamplesValidator}) which accepts it or says why not: results and error answers are those
 * of that way in every case.
 */
final class SamplesStreamReader {

  private final JsonBodyParser parser;

  SamplesStreamReader(JsonBodyParser parser) {
    this.parser = parser;
  }

  /** The request {@link SamplesValidator} would make of {@code body}, or null when not sure. */
  SamplesRequest read(byte[] body) {
    if (NulCharacters.mayOccurIn(body) || !JsonBodyParser.isWellFormedUtf8(body)) {
      return null;
    }
    try (JsonParser json = parser.streamingParser(body)) {
      return read(json);
    } catch (IOException | RuntimeException e) {
      // Malformed, or beyond the parser's limits: the usual way answers it.
      return null;
    }
  }

  private static SamplesRequest read(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String dataTypeName = null;
    List<RawSample> raw = null;
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals("data_type") && value == JsonToken.VALUE_STRING && dataTypeName == null) {
        dataTypeName = json.getText();
      } else if (name.equals("data") && value == JsonToken.START_ARRAY && raw == null) {
        raw = samples(json);
        if (raw == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
      return null;
    }
    if (dataTypeName == null || raw == null) {
      return null;
    }
    DataType dataType = DataType.fromWireName(dataTypeName).orElse(null);
    if (dataType == null
        || raw.size() < SamplesValidator.MIN_SAMPLES
        || raw.size() > SamplesValidator.MAX_SAMPLES) {
      return null;
    }
    List<SampleInput> samples = new ArrayList<>(raw.size());
    for (RawSample sample : raw) {
      SampleInput input =
          SamplesValidator.validSample(
              sample.deviceName,
              sample.deviceVersion,
              sample.startDate,
              sample.endDate,
              sample.unit,
              sample.value,
              dataType);
      if (input == null) {
        return null;
      }
      samples.add(input);
    }
    return new SamplesRequest(dataType, samples);
  }

  /** The array's samples, the parser left on its end; null when one is not a plain sample. */
  private static List<RawSample> samples(JsonParser json) throws IOException {
    List<RawSample> samples = new ArrayList<>();
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.START_OBJECT) {
      if (samples.size() == SamplesValidator.MAX_SAMPLES) {
        return null;
      }
      RawSample sample = sample(json);
      if (sample == null) {
        return null;
      }
      samples.add(sample);
    }
    return token == JsonToken.END_ARRAY ? samples : null;
  }

  /**
   * The members of a sample object with the JSON types the contract asks for (an optional member
   * may be null), the parser left on its end; null otherwise.
   */
  private static RawSample sample(JsonParser json) throws IOException {
    RawSample sample = new RawSample();
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      boolean text = value == JsonToken.VALUE_STRING;
      boolean nullValue = value == JsonToken.VALUE_NULL;
      // Duplicate members fail in the parser (strict duplicate detection).
      switch (name) {
        case "device_name" -> {
          if (!text) {
            return null;
          }
          sample.deviceName = json.getText();
        }
        case "device_version" -> {
          if (!text && !nullValue) {
            return null;
          }
          sample.deviceVersion = text ? json.getText() : null;
        }
        case "start_date" -> {
          if (!text) {
            return null;
          }
          sample.startDate = json.getText();
        }
        case "end_date" -> {
          if (!text && !nullValue) {
            return null;
          }
          sample.endDate = text ? json.getText() : null;
        }
        case "unit" -> {
          if (!text) {
            return null;
          }
          sample.unit = json.getText();
        }
        case "value" -> {
          sample.value = number(json, value);
          if (sample.value == null) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (token != JsonToken.END_OBJECT
        || sample.deviceName == null
        || sample.startDate == null
        || sample.unit == null
        || sample.value == null) {
      return null;
    }
    return sample;
  }

  /**
   * The exact value of a JSON number, as the tree holds it ({@code decimalValue()} of the node the
   * edge's mapper makes: integers as such, decimals as {@code BigDecimal}); null for other tokens.
   */
  private static BigDecimal number(JsonParser json, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return switch (json.getNumberType()) {
        case INT -> BigDecimal.valueOf(json.getIntValue());
        case LONG -> BigDecimal.valueOf(json.getLongValue());
        default -> new BigDecimal(json.getBigIntegerValue());
      };
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return json.getDecimalValue();
    }
    return null;
  }

  /** A sample's members as sent, before the checks. */
  private static final class RawSample {
    String deviceName;
    String deviceVersion;
    String startDate;
    String endDate;
    String unit;
    BigDecimal value;
  }
}
