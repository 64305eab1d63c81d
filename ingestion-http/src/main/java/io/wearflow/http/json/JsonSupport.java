package io.wearflow.http.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The edge's one Jackson configuration. Reading is strict: NaN/Infinity literals, duplicate keys
 * and content after the JSON value are malformed JSON, and decimals are read as {@code BigDecimal}
 * so that limits are checked against the literal the client sent. Writing renders dates and
 * instants as ISO-8601 strings ({@code 2023-11-01}, {@code 2023-11-01T10:00:00Z}).
 */
public final class JsonSupport {

  private JsonSupport() {}

  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }
}
