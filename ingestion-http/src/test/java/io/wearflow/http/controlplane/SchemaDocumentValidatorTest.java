package io.wearflow.http.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SchemaDocumentValidator} with the shipped seed schemas. */
class SchemaDocumentValidatorTest {

  private final ObjectMapper mapper = JsonSupport.newObjectMapper();
  private final SchemaDocumentValidator validator = new SchemaDocumentValidator(mapper);

  @Test
  void everySeedSchemaCompilesAndAcceptsTheEmptyDocumentOrItsSport() {
    for (var schema : SeedSchemas.all()) {
      JsonNode document =
          schema.type().equals("TIMEFRAME")
              ? json("{}")
              : json(
                  "{\"sport\": \"" + (schema.sport() == null ? "soccer" : schema.sport()) + "\"}");
      assertThat(validator.errors(schema, document, "/x")).as(schema.name()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "timeframe",
        "timeframe_biking",
        "timeframe_running",
        "timeframe_soccer",
        "timeframe_swimming",
        "timeframe_trailrunning",
        "timeframe_triathlon"
      })
  void referenceExampleParamsAreValidForEveryTimeframeSchema(String name) {
    assertThat(validator.errors(SeedSchemas.named(name), json("{\"max_hr\": 0}"), "/params"))
        .isEmpty();
  }

  @Test
  void fullTimeframeParamsWithTheJobDefaultsAreValid() {
    JsonNode params =
        json(
            """
            {"max_hr": 192, "acceleration_thresholds": [2, 3], "deceleration_thresholds": [2, 3],
             "acceleration_min_duration": 0.5, "sprint_thresholds": [5], "sprint_min_duration": 0,
             "hid_thresholds": [4, 5], "hid_min_duration": 0,
             "speed_ranges": [0, 0.2778, 1.1111, 1.9444, 3.8889, 5.5556, 6.9444],
             "hr_zones": [0, 60, 70, 80, 90, 100], "speed_smoothing_window": 0.5, "max_gap": 2,
             "intensity_span": 300}
            """);

    assertThat(validator.errors(SeedSchemas.named("timeframe_soccer"), params, "/params"))
        .isEmpty();
  }

  @Test
  void badTimeframeParamsAreReportedFieldByFieldWithPointersIntoTheBody() {
    JsonNode params =
        json(
            """
            {"max_hr": "190", "sprint_thresholds": [5, 20], "speed_ranges": [1, 2],
             "max_gap": 0, "colour": "red"}
            """);

    assertThat(validator.errors(SeedSchemas.named("timeframe_soccer"), params, "/params"))
        .containsExactly(
            new FieldError("/params/colour", "is not allowed"),
            new FieldError("/params/max_gap", "must have an exclusive minimum value of 0"),
            new FieldError("/params/max_hr", "string found, number expected"),
            new FieldError("/params/speed_ranges/0", "must be the constant value '0'"),
            new FieldError("/params/sprint_thresholds/1", "must have a maximum value of 13"));
  }

  @Test
  void sportBoundsDifferBetweenSchemas() {
    JsonNode fastSprint = json("{\"sprint_thresholds\": [20]}");

    assertThat(validator.errors(SeedSchemas.named("timeframe_biking"), fastSprint, "/params"))
        .isEmpty();
    assertThat(validator.errors(SeedSchemas.named("timeframe_soccer"), fastSprint, "/params"))
        .extracting(FieldError::pointer)
        .containsExactly("/params/sprint_thresholds/0");
    // The sport-independent schema accepts unknown members; sport schemas do not.
    assertThat(validator.errors(SeedSchemas.named("timeframe"), json("{\"x\": 1}"), "/params"))
        .isEmpty();
  }

  @Test
  void activityJsonNeedsItsOwnSport() {
    var biking = SeedSchemas.named("activity_biking");

    assertThat(
            validator.errors(biking, json("{\"gpx\": \"string\", \"sport\": \"biking\"}"), "/json"))
        .isEmpty();
    assertThat(validator.errors(biking, json("{\"gpx\": \"string\"}"), "/json"))
        .containsExactly(new FieldError("/json/sport", "is required"));
    assertThat(validator.errors(biking, json("{\"sport\": \"running\"}"), "/json"))
        .extracting(FieldError::pointer)
        .containsExactly("/json/sport");
    assertThat(
            validator.errors(
                SeedSchemas.named("activity_soccer"),
                json("{\"sport\": \"soccer\", \"pitch_length\": 130, \"pitch_width\": 68}"),
                "/json"))
        .extracting(FieldError::pointer)
        .containsExactly("/json/pitch_length");
  }

  @Test
  void wholeBodyDocumentHasRootPointers() {
    assertThat(validator.errors(SeedSchemas.named("activity"), json("[]"), ""))
        .extracting(FieldError::pointer)
        .containsExactly("");
    assertThat(validator.errors(SeedSchemas.named("activity"), json("{}"), ""))
        .containsExactly(new FieldError("/sport", "is required"));
  }

  @Test
  void validateThrowsA422ListingEveryError() {
    assertThatThrownBy(
            () ->
                validator.validate(
                    SeedSchemas.named("timeframe_running"),
                    json("{\"max_hr\": -1, \"intensity_span\": 0}"),
                    "/params"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.errors())
                  .extracting(FieldError::pointer)
                  .containsExactly("/params/intensity_span", "/params/max_hr");
            });
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
