package io.wearflow.http.samples;

import static io.wearflow.http.samples.SamplesJson.stepsBatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.fuzz.JsonMutator;
import io.wearflow.http.json.JsonBodyParser;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.json.NulCharacters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplesStreamReaderTest {

  private static final ObjectMapper JSON = JsonSupport.newObjectMapper();
  private static final JsonBodyParser PARSER = new JsonBodyParser(JSON);

  private final SamplesStreamReader stream = new SamplesStreamReader(PARSER);
  private final SamplesValidator validator = new SamplesValidator();

  /** What the edge made of a body before the stream reader: parse, NUL check, validation. */
  private SamplesRequest throughTheTree(byte[] body) {
    JsonNode tree = PARSER.parse(body);
    NulCharacters.refuse(tree);
    return validator.validate(tree);
  }

  @Test
  void validBodiesInEveryAcceptedFormReadAsThroughTheTree() {
    List<String> bodies =
        List.of(
            JSON.valueToTree(stepsBatch(1000)).toString(),
            """
            {"data": [
              {"value": 14.50, "unit": "count", "end_date": null, "device_version": null,
               "start_date": "2023-11-01t08:04:51z", "device_name": "iPhone"},
              {"device_name": "Polar \\u00e9", "start_date": "2023-11-01T08:04+04:00",
               "end_date": "2023-11-01T09:04:00.123456789+04:00", "unit": "count", "value": 1e2},
              {"device_name": "x", "start_date": "1970-01-01T00:00:00Z", "unit": "count",
               "value": 30000, "device_version": "7"}
             ],
             "data_type": "steps"}
            """,
            """
            {"data_type": "bpm", "data": [
              {"device_name": "W", "start_date": "2023-11-01T09:00:01Z", "unit": "count/s",
               "value": 5.0},
              {"device_name": "W", "start_date": "2023-11-01T09:00:02Z", "unit": "count/min",
               "value": 0.0001},
              {"device_name": "W", "start_date": "9999-12-31T23:59:59.999Z", "unit": "count/min",
               "value": 3000000000e-7}]}
            """);
    for (String text : bodies) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      SamplesRequest streamed = stream.read(body);
      assertThat(streamed).as(text).isNotNull().isEqualTo(throughTheTree(body));
    }
  }

  @Test
  void unusualOrInvalidBodiesAreLeftToTheTree() {
    for (String text :
        List.of(
            "",
            "[]",
            "{\"data_type\": \"steps\"}",
            "{\"data_type\": \"steps\", \"data\": [], \"extra\": 1}",
            "{\"data_type\": \"steps\", \"data_type\": \"steps\", \"data\": []}",
            "{\"data_type\": \"heart\", \"data\": []}",
            "{\"data_type\": \"steps\", \"data\": [{}, {}, {}]}",
            "{\"data_type\": \"steps\", \"data\": [1, 2, 3]}",
            "{\"data_type\": \"steps\", \"data\": []} x")) {
      assertThat(stream.read(text.getBytes(StandardCharsets.UTF_8))).as(text).isNull();
    }
  }

  /**
   * Random mutations of a valid body (members removed, duplicated, replaced by other values) and
   * random byte edits of its text: the stream reader either leaves the body to the tree or reads
   * exactly what the tree reads, never accepting a body the tree refuses.
   */
  @Test
  void mutatedBodiesAreReadAsThroughTheTreeOrLeftToIt() throws Exception {
    JsonMutator mutator = new JsonMutator(6);
    Random random = mutator.random();
    JsonNode valid = JSON.valueToTree(stepsBatch(4));
    String alphabet = "{}[]\":,.0123456789eE+-tnfaul \\xZ";
    int streamed = 0;
    for (int i = 0; i < 3_000; i++) {
      byte[] body;
      if (i % 3 == 0) {
        byte[] text = JSON.writeValueAsBytes(valid);
        int at = random.nextInt(text.length);
        text[at] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        body = text;
      } else {
        body = JSON.writeValueAsBytes(mutator.mutate(valid));
      }
      SamplesRequest fast = stream.read(body);
      if (fast != null) {
        streamed++;
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(fast).as(text).isEqualTo(throughTheTree(body));
      }
    }
    assertThat(streamed).isGreaterThan(100);
  }
}
