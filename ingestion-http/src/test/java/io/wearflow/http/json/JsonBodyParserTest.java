package io.wearflow.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ProblemType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyParserTest {

  private final JsonBodyParser parser = new JsonBodyParser(JsonSupport.newObjectMapper());

  @Test
  void decimalsKeepTheirLiteral() {
    JsonNode tree = parse("{\"value\": 300.0000000000000000001}");

    assertThat(tree.get("value").decimalValue())
        .isEqualByComparingTo(new BigDecimal("300.0000000000000000001"));
  }

  @Test
  void nanLiteralIsMalformedAndPointsAtTheValue() {
    ApiException e =
        failure("{\"data_type\": \"bpm\",\n \"data\": [{\"value\": 1}, {\"value\": NaN}]}");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_JSON);
    assertThat(e.getMessage()).startsWith("Malformed JSON at line 2, column ");
    assertThat(e.errors()).containsExactly(new FieldError("/data/1/value", "is not valid JSON"));
  }

  @Test
  void truncatedDocumentSaysWhereItBroke() {
    ApiException e = failure("{\"data\": [1, 2");

    assertThat(e.getMessage()).startsWith("Malformed JSON at line 1, column 15: Unexpected end");
    // The pointer names the last value read before the document ended.
    assertThat(e.errors()).containsExactly(new FieldError("/data/1", "is not valid JSON"));
  }

  @Test
  void overlongUtf8IsMalformedThoughJacksonWouldDecodeIt() {
    // C0 AF is an overlong (forbidden) encoding of '/'; ED A0 80 an encoded surrogate.
    for (byte[] bad :
        new byte[][] {
          {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
          {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}
        }) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> parser.parse(bad));

      assertThat(e).isNotNull();
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_JSON);
    }
    assertThat(parser.parse("{\"a\": \"é€\"}".getBytes(StandardCharsets.UTF_8)).get("a").asText())
        .isEqualTo("é€");
  }

  @Test
  void duplicateKeysAreMalformed() {
    ApiException e = failure("{\"value\": 1, \"value\": 2}");

    assertThat(e.getMessage()).contains("Duplicate field 'value'");
  }

  @Test
  void contentAfterTheDocumentIsMalformed() {
    ApiException e = failure("{\"a\": 1} {\"b\": 2}");

    assertThat(e.getMessage()).startsWith("Malformed JSON at line 1, column");
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void emptyBodyIsMalformed() {
    ApiException e = failure("  ");

    assertThat(e.getMessage()).isEqualTo("The request body is empty; a JSON document is expected.");
  }

  private JsonNode parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiException failure(String body) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> parse(body));
    assertThat(e).as("parse failure").isNotNull();
    return e;
  }
}
