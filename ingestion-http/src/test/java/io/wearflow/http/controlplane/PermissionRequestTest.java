package io.wearflow.http.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link PermissionRequest} and the date-times it reads ({@link DateTimes}). */
class PermissionRequestTest {

  private static final Instant NOW = Instant.parse("2024-05-04T10:00:00Z");
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void readsTheReferenceOffsetsWithAndWithoutColon() {
    assertThat(DateTimes.parse("2020-02-20T13:18:29+0100"))
        .isEqualTo(Instant.parse("2020-02-20T12:18:29Z"));
    assertThat(DateTimes.parse("2020-02-20T13:18:29.250+01:00"))
        .isEqualTo(Instant.parse("2020-02-20T12:18:29.250Z"));
    assertThat(DateTimes.parse("2020-02-20T12:18:29Z"))
        .isEqualTo(Instant.parse("2020-02-20T12:18:29Z"));
    assertThat(DateTimes.parse("2020-02-20T13:18:29")).isNull();
    assertThat(DateTimes.parse("2020-02-20")).isNull();
    assertThat(DateTimes.parse("2020-02-30T13:18:29Z")).isNull();
  }

  @Test
  void yearsOutsideOneToNineThousandNineHundredNinetyNineAreRefused() {
    // java.time reads them, PostgreSQL's timestamptz cannot store them.
    assertThat(DateTimes.parse("+999999999-12-31T23:59:59Z")).isNull();
    assertThat(DateTimes.parse("+10000-01-01T00:00:00Z")).isNull();
    assertThat(DateTimes.parse("-100000-01-01T00:00:00Z")).isNull();
    assertThat(DateTimes.parse("0000-12-31T23:59:59Z")).isNull();
    assertThat(DateTimes.parse("9999-12-31T23:59:59-1800"))
        .isEqualTo(Instant.parse("+10000-01-01T17:59:59Z"));
    assertThat(DateTimes.parse("0001-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
  }

  @Test
  void permissionWithEveryField() throws Exception {
    PermissionRequest request =
        PermissionRequest.parse(
            mapper.readTree(
                """
                {"start_time": "2024-05-04T13:00:00+02:00",
                 "expiration_time": "2024-05-04T14:00:00+02:00", "permission": "WRITE"}
                """),
            NOW);

    assertThat(request)
        .isEqualTo(
            new PermissionRequest(
                PermissionKind.WRITE,
                Instant.parse("2024-05-04T11:00:00Z"),
                Instant.parse("2024-05-04T12:00:00Z")));
  }

  @Test
  void startDefaultsToNowAndExpirationToNever() throws Exception {
    assertThat(PermissionRequest.parse(mapper.readTree("{\"permission\": \"READ\"}"), NOW))
        .isEqualTo(new PermissionRequest(PermissionKind.READ, NOW, null));
    assertThat(
            PermissionRequest.parse(
                mapper.readTree("{\"permission\": \"READ\", \"expiration_time\": null}"), NOW))
        .isEqualTo(new PermissionRequest(PermissionKind.READ, NOW, null));
  }

  @Test
  void expirationMustFollowTheStartEvenWhenTheStartIsNow() {
    assertThatThrownBy(
            () ->
                PermissionRequest.parse(
                    mapper.readTree(
                        "{\"permission\": \"READ\", \"expiration_time\": \"2024-05-04T10:00:00Z\"}"),
                    NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError(
                            "/expiration_time",
                            "must be after start_time (now when start_time is not sent)")));
  }

  @Test
  void wrongTypesAndKindsAreFieldErrors() {
    assertThatThrownBy(
            () ->
                PermissionRequest.parse(
                    mapper.readTree("{\"permission\": \"read\", \"start_time\": 1}"), NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError("/permission", "must be one of READ, WRITE, SHARE"),
                        new FieldError("/start_time", "must be a string")));
    assertThatThrownBy(() -> PermissionRequest.parse(mapper.readTree("[]"), NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(new FieldError("", "must be a JSON object")));
  }
}
