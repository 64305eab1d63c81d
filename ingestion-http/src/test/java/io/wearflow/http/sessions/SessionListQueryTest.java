package io.wearflow.http.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wearflow.connectors.postgres.SessionStore.Position;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionListQueryTest {

  @Test
  void everyParameterIsOptional() {
    assertThat(SessionListQuery.fromQuery(null, "", null))
        .isEqualTo(new SessionListQuery(null, null, null));
  }

  @Test
  void timestampsAreRfc3339WithAnyOffset() {
    SessionListQuery query =
        SessionListQuery.fromQuery("2023-11-01T00:00:00.000+01:00", "2023-11-01T23:00:00Z", null);

    assertThat(query.from()).isEqualTo(Instant.parse("2023-10-31T23:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2023-11-01T23:00:00Z"));
  }

  @Test
  void timestampsWithoutOffsetOrBeyondYear9999AreRefused() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                SessionListQuery.fromQuery("2023-11-01T00:00:00", "+10000-01-01T00:00:00Z", null));

    assertThat(e.errors())
        .extracting(FieldError::pointer)
        .containsExactly("/startTime", "/endTime");
  }

  @Test
  void pageTokenRoundTripsItsPosition() {
    Position position = new Position(Instant.parse("2023-11-01T07:00:00.123Z"), "run:1.a_b-c");

    String token = PageToken.encode(position);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(SessionListQuery.fromQuery(null, null, token).after()).isEqualTo(position);
  }

  @Test
  void tokensNotMadeByTheEndpointAreRefused() {
    for (String token :
        new String[] {
          "!!",
          base64("1:12"),
          base64("2:12:s"),
          base64("1:x:s"),
          base64("1:-1:s"),
          base64("1:1:a b")
        }) {
      assertThat(PageToken.decode(token)).as(token).isEmpty();
    }
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> SessionListQuery.fromQuery(null, null, "!!"));
    assertThat(e.errors())
        .containsExactly(
            new FieldError("/pageToken", "must be a nextPageToken of a previous response"));
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
