package io.wearflow.http.athletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AthleteRegistrationValidatorTest {

  private final AthleteRegistrationValidator validator =
      new AthleteRegistrationValidator(
          Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void referenceExampleIsAccepted() {
    AthleteRegistration registration =
        validator.validate(
            json(
                """
                {"username": "jon.doe@example.com", "external_id": "0123456789",
                 "email": "jon.doe@example.com", "password": "s3cret-pass",
                 "athlete_profile": {"external_id": "e6195b18-2515-410d-a48e-1009d12f2320",
                   "first_name": "Usain", "last_name": "Bolt", "gender": "M", "weight": 94,
                   "height": 1.95, "birth_date": "1986-08-21", "nationality": "Switzerland",
                   "profile_picture": "iVBORw0KGgoAAAANSUhEUgAA..."}}
                """));

    assertThat(registration.username()).isEqualTo("jon.doe@example.com");
    assertThat(registration.email()).isEqualTo("jon.doe@example.com");
    assertThat(registration.password()).isEqualTo("s3cret-pass");
    assertThat(registration.externalId()).isEqualTo("0123456789");
    assertThat(registration.profile())
        .isEqualTo(
            new AthleteProfile(
                "e6195b18-2515-410d-a48e-1009d12f2320",
                "Usain",
                "Bolt",
                "M",
                new BigDecimal("94"),
                new BigDecimal("1.95"),
                LocalDate.of(1986, 8, 21),
                "Switzerland",
                "iVBORw0KGgoAAAANSUhEUgAA..."));
  }

  @Test
  void onlyUsernameEmailAndPasswordAreRequired() {
    AthleteRegistration registration =
        validator.validate(
            json("{\"username\": \"a\", \"email\": \"a@b.io\", \"password\": \"12345678\"}"));

    assertThat(registration.externalId()).isNull();
    assertThat(registration.profile()).isNull();
  }

  @Test
  void missingRequiredFieldsAreEachReported() {
    assertThat(errorsOf("{}"))
        .containsExactly(
            new FieldError("/username", "is required"),
            new FieldError("/email", "is required"),
            new FieldError("/password", "is required"));
  }

  @Test
  void usernameEmailAndPasswordRulesAreChecked() {
    String tooLong = "u".repeat(151);
    assertThat(
            errorsOf(
                "{\"username\": \""
                    + tooLong
                    + "\", \"email\": \"not-an-email\", \"password\": \"1234567\"}"))
        .containsExactly(
            new FieldError("/username", "must be at most 150 characters long"),
            new FieldError("/email", "must be a valid email address"),
            new FieldError("/password", "must be at least 8 characters long"));
    assertThat(errorsOf("{\"username\": \" \", \"email\": \"a b@c.io\", \"password\": 12345678}"))
        .containsExactly(
            new FieldError("/username", "must not be blank"),
            new FieldError("/email", "must be a valid email address"),
            new FieldError("/password", "must be a string"));
  }

  @Test
  void usernameOfOneHundredFiftyCharactersIsAccepted() {
    String name = "u".repeat(150);

    assertThat(
            validator
                .validate(
                    json(
                        "{\"username\": \""
                            + name
                            + "\", \"email\": \"a@b.io\", \"password\": \"12345678\"}"))
                .username())
        .isEqualTo(name);
  }

  @Test
  void profileFieldsAreTypeChecked() {
    assertThat(
            errorsOf(
                """
                {"username": "a", "email": "a@b.io", "password": "12345678", "external_id": 5,
                 "athlete_profile": {"first_name": 1, "weight": "94", "height": 195,
                   "birth_date": "21/08/1986", "nationality": false, "profile_picture": []}}
                """))
        .containsExactly(
            new FieldError("/external_id", "must be a string"),
            new FieldError("/athlete_profile/first_name", "must be a string"),
            new FieldError("/athlete_profile/weight", "must be a number"),
            new FieldError("/athlete_profile/height", "must be at most 3 (m)"),
            new FieldError(
                "/athlete_profile/birth_date", "must be a date in the format YYYY-MM-DD"),
            new FieldError("/athlete_profile/nationality", "must be a string"),
            new FieldError("/athlete_profile/profile_picture", "must be a string"));
  }

  @Test
  void profileMustBeAnObjectWithPlausibleValues() {
    assertThat(
            errorsOf(
                "{\"username\": \"a\", \"email\": \"a@b.io\", \"password\": \"12345678\","
                    + " \"athlete_profile\": []}"))
        .containsExactly(new FieldError("/athlete_profile", "must be an object"));
    assertThat(
            errorsOf(
                "{\"username\": \"a\", \"email\": \"a@b.io\", \"password\": \"12345678\","
                    + " \"athlete_profile\": {\"weight\": 0, \"birth_date\": \"2024-03-02\"}}"))
        .containsExactly(
            new FieldError("/athlete_profile/weight", "must be greater than 0"),
            new FieldError("/athlete_profile/birth_date", "must not be in the future"));
  }

  private List<FieldError> errorsOf(String body) {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> validator.validate(json(body)));
    assertThat(e).as("validation failure").isNotNull();
    return e.errors();
  }

  private static JsonNode json(String text) {
    try {
      return JsonSupport.newObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
