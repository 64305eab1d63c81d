package io.wearflow.http.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import io.wearflow.http.sessions.SessionInput.ApplicationInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionValidatorTest {

  private final SessionValidator validator = new SessionValidator();

  @Test
  void completeSessionIsRead() {
    SessionInput input =
        validator.validate(
            "run:1",
            json(
                """
                {"id": "run:1", "name": "Run", "description": "Easy",
                 "startTimeMillis": 1698822000000, "endTimeMillis": 1698825600000,
                 "activityType": 8, "activeTimeMillis": 3600000,
                 "application": {"packageName": "p", "version": "v", "detailsUrl": "market://details?id=p",
                                 "name": "n"}}
                """));

    assertThat(input)
        .isEqualTo(
            new SessionInput(
                "run:1",
                "Run",
                "Easy",
                Instant.parse("2023-11-01T07:00:00Z"),
                Instant.parse("2023-11-01T08:00:00Z"),
                new ApplicationInput("p", "v", "market://details?id=p", "n"),
                8,
                3_600_000L));
  }

  @Test
  void int64ValuesMayBeSentAsStringsAsGoogleApisDo() {
    SessionInput input =
        validator.validate(
            "s",
            json(
                """
                {"startTimeMillis": "1698822000000", "endTimeMillis": "1698825600000",
                 "activeTimeMillis": "60000"}
                """));

    assertThat(input.start()).isEqualTo(Instant.parse("2023-11-01T07:00:00Z"));
    assertThat(input.end()).isEqualTo(Instant.parse("2023-11-01T08:00:00Z"));
    assertThat(input.activeTimeMillis()).isEqualTo(60_000L);
  }

  @Test
  void modifiedTimeAndUnknownMembersAreIgnoredAndEmptyApplicationIsNone() {
    SessionInput input =
        validator.validate(
            "s",
            json(
                """
                {"startTimeMillis": 0, "endTimeMillis": 0, "modifiedTimeMillis": "not even a number",
                 "application": {}, "extra": [1, 2], "name": null}
                """));

    assertThat(input)
        .isEqualTo(
            new SessionInput("s", null, null, Instant.EPOCH, Instant.EPOCH, null, null, null));
  }

  @Test
  void sessionIdMustBeOneToOneHundredAllowedCharacters() {
    String body = "{\"startTimeMillis\": 0, \"endTimeMillis\": 0}";

    assertThat(validator.validate("A-z_0.9:x", json(body)).id()).isEqualTo("A-z_0.9:x");
    assertThat(validator.validate("x".repeat(100), json(body)).id()).hasSize(100);
    for (String bad : new String[] {"", "x".repeat(101), "a/b", "a b", "é"}) {
      assertThat(errors(bad, body))
          .containsExactly(
              new FieldError(
                  "/sessionId",
                  "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'"));
    }
  }

  @Test
  void timesAreRequiredIntegersWithinRange() {
    assertThat(errors("s", "{}"))
        .containsExactly(
            new FieldError("/startTimeMillis", "is required"),
            new FieldError("/endTimeMillis", "is required"));
    assertThat(errors("s", "{\"startTimeMillis\": -1, \"endTimeMillis\": 253402300800000}"))
        .containsExactly(
            new FieldError("/startTimeMillis", "must be between 0 and 253402300799999"),
            new FieldError("/endTimeMillis", "must be between 0 and 253402300799999"));
    assertThat(errors("s", "{\"startTimeMillis\": 1.5, \"endTimeMillis\": \"12a\"}"))
        .extracting(FieldError::reason)
        .containsOnly(
            "must be an integer number of milliseconds (a JSON integer or a string of digits)");
  }

  @Test
  void endMustNotBeBeforeStartAndActiveTimeMustFitTheSession() {
    assertThat(errors("s", "{\"startTimeMillis\": 10, \"endTimeMillis\": 9}"))
        .containsExactly(new FieldError("/endTimeMillis", "must not be less than startTimeMillis"));
    assertThat(
            errors(
                "s", "{\"startTimeMillis\": 10, \"endTimeMillis\": 20, \"activeTimeMillis\": 11}"))
        .containsExactly(
            new FieldError(
                "/activeTimeMillis",
                "must not be greater than endTimeMillis - startTimeMillis (10)"));
    assertThat(
            validator
                .validate(
                    "s",
                    json(
                        "{\"startTimeMillis\": 10, \"endTimeMillis\": 20, \"activeTimeMillis\": 10}"))
                .activeTimeMillis())
        .isEqualTo(10L);
  }

  @Test
  void activityTypeIsANonNegativeInteger() {
    String times = "\"startTimeMillis\": 0, \"endTimeMillis\": 0";

    assertThat(errors("s", "{" + times + ", \"activityType\": \"8\"}"))
        .containsExactly(new FieldError("/activityType", "must be an integer"));
    assertThat(errors("s", "{" + times + ", \"activityType\": 2147483648}"))
        .containsExactly(new FieldError("/activityType", "must be between 0 and 2147483647"));
  }

  @Test
  void stringsHaveLengthLimitsInCodePoints() {
    String times = "\"startTimeMillis\": 0, \"endTimeMillis\": 0";
    // 256 emoji are 512 UTF-16 units but 256 characters: accepted.
    String emoji = "\\uD83C\\uDFC3".repeat(256);

    assertThat(validator.validate("s", json("{" + times + ", \"name\": \"" + emoji + "\"}")).name())
        .hasSize(512);
    assertThat(
            errors(
                "s",
                "{"
                    + times
                    + ", \"name\": \""
                    + "n".repeat(257)
                    + "\", \"description\": \""
                    + "d".repeat(4097)
                    + "\", \"application\": {\"version\": \""
                    + "v".repeat(257)
                    + "\"}}"))
        .containsExactly(
            new FieldError("/name", "must be at most 256 characters"),
            new FieldError("/description", "must be at most 4096 characters"),
            new FieldError("/application/version", "must be at most 256 characters"));
  }

  @Test
  void bodyMustBeAnObjectAndApplicationToo() {
    assertThat(errors("s", "[]")).containsExactly(new FieldError("", "must be a JSON object"));
    assertThat(
            errors("s", "{\"startTimeMillis\": 0, \"endTimeMillis\": 0, \"application\": \"x\"}"))
        .containsExactly(new FieldError("/application", "must be an object"));
  }

  private java.util.List<FieldError> errors(String sessionId, String body) {
    return catchThrowableOfType(
            ValidationException.class, () -> validator.validate(sessionId, json(body)))
        .errors();
  }

  private static JsonNode json(String text) {
    try {
      return JsonSupport.newObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
