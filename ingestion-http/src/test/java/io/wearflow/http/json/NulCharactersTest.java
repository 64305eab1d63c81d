package io.wearflow.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

  private static final ObjectMapper JSON = JsonSupport.newObjectMapper();
  private static final String REASON = "must not contain the NUL character (U+0000)";

  @Test
  void everyNulIsReportedAtItsPointerInDocumentOrder() throws Exception {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                NulCharacters.refuse(
                    JSON.readTree(
                        """
                        {"name": "a\\u0000b", "json": {"x/y": ["ok", "\\u0000"], "k\\u0000": 1},
                         "fine": "caf\\u00e9"}
                        """)));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.errors())
        .containsExactly(
            new FieldError("/name", REASON),
            new FieldError("/json/x~1y/1", REASON),
            new FieldError("/json/k\u0000", REASON));
  }

  @Test
  void bodiesWithoutNulPass() throws Exception {
    assertThatCode(
            () ->
                NulCharacters.refuse(
                    JSON.readTree("{\"a\": [1, \"x\", null, true, {\"b\": \"\\u0001\"}]}")))
        .doesNotThrowAnyException();
    assertThatCode(() -> NulCharacters.refuse(JSON.readTree("\"root\"")))
        .doesNotThrowAnyException();
  }

  @Test
  void everyBodyWhoseDocumentHoldsANulIsFlaggedForTheWalk() throws Exception {
    for (String body :
        new String[] {
          "{\"name\": \"a\\u0000b\"}", "{\"k\\u0000\": 1}", "[\"\\u0000\"]", "\"\\u0000\"",
        }) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(catchThrowableOfType(ValidationException.class, () -> refuse(body)))
          .as(body)
          .isNotNull();
      assertThat(NulCharacters.mayOccurIn(bytes)).as(body).isTrue();
    }
    assertThat(NulCharacters.mayOccurIn(new byte[] {'"', 0, '"'})).isTrue();
  }

  @Test
  void bodiesWithoutTheEscapeOrANulByteNeedNoWalk() {
    for (String body :
        new String[] {
          "{\"fine\": \"caf\\u00e9\", \"x\": \"\\u0001\\u000\"}",
          "{\"data\": [{\"start_date\": \"2023-11-01T08:04:51.000+04:00\", \"value\": 10}]}",
          "\"\\u000",
        }) {
      assertThat(NulCharacters.mayOccurIn(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(body)
          .isFalse();
    }
  }

  private static void refuse(String body) throws Exception {
    NulCharacters.refuse(JSON.readTree(body));
  }
}
