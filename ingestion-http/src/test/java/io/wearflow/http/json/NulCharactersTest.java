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
}
