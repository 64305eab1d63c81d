package io.wearflow.http.timezone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeZoneRequestValidatorTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456789Z");
  private static final String DATE_TIME =
      "must be an ISO-8601 date-time with a UTC offset, e.g. 2024-03-01T00:00:00+01:00";

  private final TimeZoneRequestValidator validator =
      new TimeZoneRequestValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void fullRequestBecomesASetting() {
    DaySetting setting =
        validator.validate(
            json(
                "{\"time_zone\": \"Europe/Berlin\", \"effective_from\": \"2024-03-01T00:00:00+01:00\","
                    + " \"day_start_hour\": 4}"));

    assertThat(setting)
        .isEqualTo(
            new DaySetting(Instant.parse("2024-02-29T23:00:00Z"), ZoneId.of("Europe/Berlin"), 4));
  }

  @Test
  void effectiveFromDefaultsToNowAndDayStartHourToMidnight() {
    DaySetting setting = validator.validate(json("{\"time_zone\": \"America/New_York\"}"));

    assertThat(setting)
        .isEqualTo(
            new DaySetting(
                Instant.parse("2024-05-01T10:15:30.123456Z"), ZoneId.of("America/New_York"), 0));
  }

  @Test
  void nullCountsAsNotSent() {
    DaySetting setting =
        validator.validate(
            json("{\"time_zone\": \"UTC\", \"effective_from\": null, \"day_start_hour\": null}"));

    assertThat(setting.effectiveFrom()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
    assertThat(setting.dayStartHour()).isZero();
  }

  @Test
  void effectiveFromKeepsMicroseconds() {
    DaySetting setting =
        validator.validate(
            json("{\"time_zone\": \"UTC\", \"effective_from\": \"2024-03-01T00:00:00.1234567Z\"}"));

    assertThat(setting.effectiveFrom()).isEqualTo(Instant.parse("2024-03-01T00:00:00.123456Z"));
  }

  @Test
  void timeZoneIsRequired() {
    assertThat(errorsOf("{}")).containsExactly(new FieldError("/time_zone", "is required"));
  }

  @Test
  void unknownOrMisspelledZonesAndFixedOffsetsAreRefused() {
    for (String zone : List.of("Europe/Berlinn", "europe/berlin", "+02:00", "UTC+2", "", "CEST")) {
      assertThat(errorsOf("{\"time_zone\": \"" + zone + "\"}"))
          .as(zone)
          .containsExactly(
              new FieldError("/time_zone", "must be an IANA time zone id, e.g. Europe/Berlin"));
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreRefused() {
    assertThat(
            errorsOf(
                "{\"time_zone\": 1, \"effective_from\": 1709251200, \"day_start_hour\": \"4\"}"))
        .containsExactly(
            new FieldError("/time_zone", "must be a string"),
            new FieldError("/effective_from", "must be a string"),
            new FieldError("/day_start_hour", "must be an integer"));
  }

  @Test
  void effectiveFromMustCarryAnOffset() {
    assertThat(
            errorsOf(
                "{\"time_zone\": \"UTC\", \"effective_from\": \"2024-03-01T00:00:00\"}",
                "{\"time_zone\": \"UTC\", \"effective_from\": \"2024-03-01\"}"))
        .containsExactly(
            new FieldError("/effective_from", DATE_TIME),
            new FieldError("/effective_from", DATE_TIME));
  }

  @Test
  void effectiveFromBefore1970IsRefused() {
    assertThat(errorsOf("{\"time_zone\": \"UTC\", \"effective_from\": \"1969-12-31T23:59:59Z\"}"))
        .containsExactly(
            new FieldError(
                "/effective_from",
                "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
  }

  @Test
  void dayStartHourIsAnIntegerFromZeroTo23() {
    assertThat(validator.validate(json("{\"time_zone\": \"UTC\", \"day_start_hour\": 23}")))
        .extracting(DaySetting::dayStartHour)
        .isEqualTo(23);
    assertThat(validator.validate(json("{\"time_zone\": \"UTC\", \"day_start_hour\": 6.0}")))
        .extracting(DaySetting::dayStartHour)
        .isEqualTo(6);
    assertThat(
            errorsOf(
                "{\"time_zone\": \"UTC\", \"day_start_hour\": 24}",
                "{\"time_zone\": \"UTC\", \"day_start_hour\": -1}",
                "{\"time_zone\": \"UTC\", \"day_start_hour\": 4.5}"))
        .containsExactly(
            new FieldError("/day_start_hour", "must be between 0 and 23"),
            new FieldError("/day_start_hour", "must be between 0 and 23"),
            new FieldError("/day_start_hour", "must be an integer"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    assertThat(errorsOf("[\"Europe/Berlin\"]"))
        .containsExactly(new FieldError("", "must be a JSON object"));
  }

  /** The errors of each body, in order. */
  private List<FieldError> errorsOf(String... bodies) {
    return java.util.Arrays.stream(bodies)
        .flatMap(
            body -> {
              ValidationException e =
                  catchThrowableOfType(
                      ValidationException.class, () -> validator.validate(json(body)));
              assertThat(e).as("validation failure of %s", body).isNotNull();
              return e.errors().stream();
            })
        .toList();
  }

  private static JsonNode json(String text) {
    try {
      return JsonSupport.newObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
