package io.wearflow.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.http.problem.ApiException;
import org.junit.jupiter.api.Test;

class JsonRequestReaderTest {

  @Test
  void jsonWithOrWithoutParametersIsAccepted() {
    assertThatCode(() -> JsonRequestReader.requireJsonContentType("application/json"))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> JsonRequestReader.requireJsonContentType("Application/JSON; charset=utf-8"))
        .doesNotThrowAnyException();
  }

  @Test
  void otherOrMissingContentTypesAreUnsupported() {
    assertThatThrownBy(() -> JsonRequestReader.requireJsonContentType("text/plain"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415))
        .hasMessage(
            "The request body must be sent as application/json (got Content-Type 'text/plain').");
    assertThatThrownBy(() -> JsonRequestReader.requireJsonContentType(null))
        .hasMessage("The request body must be sent as application/json (got no Content-Type).");
    assertThatThrownBy(() -> JsonRequestReader.requireJsonContentType("application/jsonx"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void compressedBodiesAreUnsupportedAndIdentityIsFine() {
    assertThatThrownBy(() -> JsonRequestReader.requireIdentityEncoding("gzip"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(415);
              assertThat(e.headers()).containsEntry("Accept-Encoding", "identity");
            })
        .hasMessage("Content-Encoding 'gzip' is not supported; send the body uncompressed.");
    assertThatThrownBy(() -> JsonRequestReader.requireIdentityEncoding("deflate, gzip"))
        .isInstanceOf(ApiException.class);
    assertThatCode(() -> JsonRequestReader.requireIdentityEncoding(null))
        .doesNotThrowAnyException();
    assertThatCode(() -> JsonRequestReader.requireIdentityEncoding(" Identity "))
        .doesNotThrowAnyException();
  }
}
