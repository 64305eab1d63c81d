package io.wearflow.http.timeseries;

import static io.wearflow.http.timeseries.TimeSeriesJson.T0;
import static io.wearflow.http.timeseries.TimeSeriesJson.addSeries;
import static io.wearflow.http.timeseries.TimeSeriesJson.json;
import static io.wearflow.http.timeseries.TimeSeriesJson.request;
import static io.wearflow.http.timeseries.TimeSeriesJson.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityTimeSeriesValidatorTest {

  private static final String PAIR = "must be an [epoch_seconds, value] pair";
  private static final String EPOCH = "must be an integer (epoch seconds)";
  private static final String EPOCH_RANGE =
      "must be between 0 and 253402300799 (epoch seconds, 9999-12-31T23:59:59Z)";

  private final ActivityTimeSeriesValidator validator = new ActivityTimeSeriesValidator();

  @Test
  void theReferenceExampleIsValid() {
    ActivityTimeSeriesRequest request = validator.validate(json(TimeSeriesJson.REFERENCE_EXAMPLE));

    List<TimeSeriesPoint> points =
        List.of(new TimeSeriesPoint(1400781090, 20), new TimeSeriesPoint(1400781150, 2));
    assertThat(request.recorderTypeKey()).isEqualTo("test_model");
    assertThat(request.recorderIdentifier()).isEqualTo("12345");
    assertThat(request.series())
        .isEqualTo(
            Map.of(
                SeriesType.STEPS,
                points,
                SeriesType.DISTANCE,
                points,
                SeriesType.CALORIES,
                points));
    assertThat(request.pointCount()).isEqualTo(6);
  }

  @Test
  void seriesMayBeSentAloneAndInAnyOrder() {
    ObjectNode body = request();
    addSeries(body, "calories", T0, 2, 4500.5);
    addSeries(body, "steps", T0, 1, 0);

    ActivityTimeSeriesRequest request = validator.validate(body);

    assertThat(request.series().keySet()).containsExactly(SeriesType.STEPS, SeriesType.CALORIES);
    assertThat(request.series().get(SeriesType.CALORIES))
        .containsExactly(new TimeSeriesPoint(T0, 4500.5), new TimeSeriesPoint(T0 + 60, 4500.5));
  }

  @Test
  void recorderFieldsAreRequiredStrings() {
    ObjectNode missing = request();
    missing.remove("recorder_type_key");
    missing.putNull("recorder_identifier");
    addSeries(missing, "steps", T0, 1, 1);
    ObjectNode wrongType = request();
    wrongType.put("recorder_type_key", 7);
    wrongType.putArray("recorder_identifier");
    addSeries(wrongType, "steps", T0, 1, 1);

    assertThat(errorsOf(missing))
        .containsExactly(
            new FieldError("/recorder_type_key", "is required"),
            new FieldError("/recorder_identifier", "is required"));
    assertThat(errorsOf(wrongType))
        .containsExactly(
            new FieldError("/recorder_type_key", "must be a string"),
            new FieldError("/recorder_identifier", "must be a string"));
  }

  @Test
  void recorderFieldsMustNotBeBlankNorLongerThan255Characters() {
    ObjectNode body = request();
    body.put("recorder_type_key", " ");
    body.put("recorder_identifier", "x".repeat(256));
    addSeries(body, "steps", T0, 1, 1);
    ObjectNode longest = request();
    longest.put("recorder_identifier", "é".repeat(255));
    addSeries(longest, "steps", T0, 1, 1);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/recorder_type_key", "must not be blank"),
            new FieldError("/recorder_identifier", "must be at most 255 characters"));
    assertThat(validator.validate(longest).recorderIdentifier()).hasSize(255);
  }

  @Test
  void timeSeriesIsARequiredObjectWithAtLeastOneSeries() {
    ObjectNode missing = request();
    missing.remove("time_series");
    ObjectNode array = request();
    array.putArray("time_series");
    ObjectNode empty = request();

    assertThat(errorsOf(missing)).containsExactly(new FieldError("/time_series", "is required"));
    assertThat(errorsOf(array))
        .containsExactly(new FieldError("/time_series", "must be an object"));
    assertThat(errorsOf(empty))
        .containsExactly(
            new FieldError(
                "/time_series", "must contain at least one series: steps, distance, calories"));
  }

  @Test
  void unknownSeriesNamesAreRefused() {
    ObjectNode body = request();
    addSeries(body, "steps", T0, 1, 1);
    addSeries(body, "heart_rate", T0, 1, 60);
    addSeries(body, "Steps", T0, 1, 1);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/time_series/heart_rate",
                "is not a supported time series; must be one of: steps, distance, calories"),
            new FieldError(
                "/time_series/Steps",
                "is not a supported time series; must be one of: steps, distance, calories"));
  }

  @Test
  void eachSeriesIsAnObjectWithAValuesArray() {
    JsonNode body =
        json(
            """
            {"recorder_type_key": "m", "recorder_identifier": "1",
             "time_series": {"steps": [[1400781090, 20]], "distance": {"points": []},
                             "calories": {"values": {"0": [1400781090, 20]}}}}
            """);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/time_series/steps", "must be an object with a values array"),
            new FieldError("/time_series/distance/values", "is required"),
            new FieldError("/time_series/calories/values", "must be an array"));
  }

  @Test
  void emptySeriesAreAllowedButTheRequestNeedsAPoint() {
    ObjectNode onlyEmpty = request();
    addSeries(onlyEmpty, "steps", T0, 0, 0);
    addSeries(onlyEmpty, "distance", T0, 0, 0);
    ObjectNode oneEmpty = request();
    addSeries(oneEmpty, "steps", T0, 0, 0);
    addSeries(oneEmpty, "distance", T0, 1, 5);

    assertThat(errorsOf(onlyEmpty))
        .containsExactly(new FieldError("/time_series", "must contain at least one point"));
    assertThat(validator.validate(oneEmpty).series().get(SeriesType.STEPS)).isEmpty();
  }

  @Test
  void aSeriesHoldsAtMost11520Points() {
    ObjectNode full = request();
    addSeries(full, "steps", T0, 11_520, 1);
    ObjectNode tooMany = request();
    addSeries(tooMany, "distance", T0, 11_521, 1);

    assertThat(validator.validate(full).pointCount()).isEqualTo(11_520);
    // 11,521 one-minute points span exactly 8 days: only the count is wrong.
    assertThat(errorsOf(tooMany))
        .containsExactly(
            new FieldError(
                "/time_series/distance/values", "must contain at most 11520 points (got 11521)"));
  }

  @Test
  void firstAndLastPointOfTheRequestAreAtMostEightDaysApart() {
    long eightDays = 8 * 24 * 3600;
    ObjectNode exactly = request();
    addSeries(exactly, "steps", T0 + 60, 1, 1);
    addSeries(exactly, "calories", T0 + eightDays, 1, 1);
    addSeries(exactly, "distance", T0, 1, 1);
    ObjectNode oneSecondMore = request();
    addSeries(oneSecondMore, "steps", T0 + 60, 1, 1);
    addSeries(oneSecondMore, "calories", T0 + eightDays + 1, 1, 1);
    addSeries(oneSecondMore, "distance", T0, 1, 1);

    assertThat(validator.validate(exactly).pointCount()).isEqualTo(3);
    assertThat(errorsOf(oneSecondMore))
        .containsExactly(
            new FieldError(
                "/time_series/calories/values/0/0",
                "must be at most 8 days (691200 s) after the earliest point of the request"
                    + " (/time_series/distance/values/0/0); it is 691201 s after it"));
  }

  @Test
  void theEightDayLimitAppliesAcrossSeriesNotPerSeries() {
    ObjectNode body = request();
    addSeries(body, "steps", T0, 2, 1);
    // Each series spans one minute, but together they span 9 days.
    addSeries(body, "distance", T0 + 9 * 24 * 3600, 2, 1);

    assertThat(errorsOf(body))
        .extracting(FieldError::pointer)
        .containsExactly("/time_series/distance/values/1/0");
  }

  @Test
  void theEightDayLimitAppliesToUnsortedPointsToo() {
    ObjectNode body = request();
    ArrayNode steps = addSeries(body, "steps", T0, 3, 1);
    steps.set(0, steps.arrayNode().add(T0 + 10 * 24 * 3600).add(1));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/time_series/steps/values/0/0",
                "must be at most 8 days (691200 s) after the earliest point of the request"
                    + " (/time_series/steps/values/1/0); it is 863940 s after it"));
  }

  @Test
  void aPointIsATimestampValuePair() {
    ObjectNode body = request();
    ArrayNode steps = addSeries(body, "steps", T0, 5, 1);
    steps.set(0, steps.numberNode(T0));
    steps.set(1, steps.arrayNode().add(T0 + 60));
    steps.set(2, steps.arrayNode().add(T0 + 120).add(1).add(2));
    steps.set(3, steps.objectNode().put("t", T0 + 180).put("v", 1));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/time_series/steps/values/0", PAIR),
            new FieldError("/time_series/steps/values/1", PAIR),
            new FieldError("/time_series/steps/values/2", PAIR),
            new FieldError("/time_series/steps/values/3", PAIR));
  }

  @Test
  void timestampsAreIntegerEpochSeconds() {
    JsonNode body =
        json(
            """
            {"recorder_type_key": "m", "recorder_identifier": "1",
             "time_series": {"steps": {"values": [
               ["1400781090", 1], [1400781090.5, 1], [null, 1], [true, 1],
               [1400781150.0, 1], [14007812.1e2, 1]]}}}
            """);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/time_series/steps/values/0/0", EPOCH),
            new FieldError("/time_series/steps/values/1/0", EPOCH),
            new FieldError("/time_series/steps/values/2/0", EPOCH),
            new FieldError("/time_series/steps/values/3/0", EPOCH));
  }

  @Test
  void integralDecimalTimestampsAreAccepted() {
    JsonNode body =
        json(
            """
            {"recorder_type_key": "m", "recorder_identifier": "1",
             "time_series": {"steps": {"values": [[1400781150.0, 1], [14007812.1e2, 1]]}}}
            """);

    assertThat(validator.validate(body).series().get(SeriesType.STEPS))
        .extracting(TimeSeriesPoint::epochSecond)
        .containsExactly(1400781150L, 1400781210L);
  }

  @Test
  void timestampsRangeFromTheEpochToTheYear9999() {
    ObjectNode negative = request();
    addSeries(negative, "steps", -60, 1, 1);
    ObjectNode afterYear9999 = request();
    addSeries(afterYear9999, "steps", 253_402_300_800L, 1, 1);
    ObjectNode huge = request();
    addSeries(huge, "steps", 0, 1, 1);
    values(huge, "steps").set(0, json("[1e400, 1]"));
    ObjectNode bounds = request();
    addSeries(bounds, "steps", 0, 1, 1);
    addSeries(bounds, "distance", 0, 1, 1);
    ObjectNode last = request();
    addSeries(last, "steps", 253_402_300_799L, 1, 1);

    assertThat(errorsOf(negative))
        .containsExactly(new FieldError("/time_series/steps/values/0/0", EPOCH_RANGE));
    assertThat(errorsOf(afterYear9999))
        .containsExactly(new FieldError("/time_series/steps/values/0/0", EPOCH_RANGE));
    assertThat(errorsOf(huge))
        .containsExactly(new FieldError("/time_series/steps/values/0/0", EPOCH_RANGE));
    assertThat(validator.validate(bounds).pointCount()).isEqualTo(2);
    assertThat(validator.validate(last).pointCount()).isEqualTo(1);
  }

  @Test
  void valuesAreFiniteNumbersFromZero() {
    ObjectNode body = request();
    ArrayNode steps = addSeries(body, "steps", T0, 5, 1);
    steps.set(0, steps.arrayNode().add(T0).add("20"));
    steps.set(1, steps.arrayNode().add(T0 + 60).add(-0.5));
    steps.set(2, steps.arrayNode().add(T0 + 120).add(Double.NaN));
    steps.set(3, steps.arrayNode().add(T0 + 180).addNull());
    steps.set(4, steps.arrayNode().add(T0 + 240).add(0));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/time_series/steps/values/0/1", "must be a number"),
            new FieldError("/time_series/steps/values/1/1", "must be greater than or equal to 0"),
            new FieldError("/time_series/steps/values/2/1", "must be a finite number"),
            new FieldError("/time_series/steps/values/3/1", "must be a number"));
  }

  @Test
  void eachSeriesHasItsPerMinuteUpperBound() {
    ObjectNode atBounds = request();
    addSeries(atBounds, "steps", T0, 1, 1000);
    addSeries(atBounds, "distance", T0, 1, 1000);
    addSeries(atBounds, "calories", T0, 1, 200_000);
    JsonNode aboveBounds =
        json(
            """
            {"recorder_type_key": "m", "recorder_identifier": "1",
             "time_series": {"steps": {"values": [[1400781090, 1000.0000000000000001]]},
                             "distance": {"values": [[1400781090, 1001]]},
                             "calories": {"values": [[1400781090, 200000.5]]}}}
            """);

    assertThat(validator.validate(atBounds).pointCount()).isEqualTo(3);
    assertThat(errorsOf(aboveBounds))
        .containsExactly(
            new FieldError(
                "/time_series/steps/values/0/1",
                "must be less than or equal to 1000 (count per one-minute point) for steps"),
            new FieldError(
                "/time_series/distance/values/0/1",
                "must be less than or equal to 1000 (m per one-minute point) for distance"),
            new FieldError(
                "/time_series/calories/values/0/1",
                "must be less than or equal to 200000 (J per one-minute point) for calories"));
  }

  @Test
  void aTimestampRepeatedWithinASeriesIsRefused() {
    ObjectNode body = request();
    ArrayNode steps = addSeries(body, "steps", T0, 4, 1);
    steps.set(2, steps.arrayNode().add(T0).add(5));
    steps.set(3, steps.arrayNode().add(T0 + 60).add(5));
    addSeries(body, "distance", T0, 2, 1);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/time_series/steps/values/2/0",
                "duplicates the timestamp of /time_series/steps/values/0"),
            new FieldError(
                "/time_series/steps/values/3/0",
                "duplicates the timestamp of /time_series/steps/values/1"));
  }

  @Test
  void everyErrorHasThePointerOfItsField() {
    ObjectNode body = request();
    body.remove("recorder_identifier");
    ArrayNode steps = addSeries(body, "steps", T0, 20, 10);
    steps.set(17, steps.arrayNode().add(T0 + 17 * 60).add(-1));
    ArrayNode calories = addSeries(body, "calories", T0, 5, 10);
    calories.set(3, calories.arrayNode().add("yesterday").add(10));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/recorder_identifier", "is required"),
            new FieldError("/time_series/steps/values/17/1", "must be greater than or equal to 0"),
            new FieldError("/time_series/calories/values/3/0", EPOCH));
  }

  @Test
  void onlyTheFirstHundredErrorsAreListedButAllAreCounted() {
    ObjectNode body = request();
    addSeries(body, "steps", T0, 150, -1);

    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> validator.validate(body));

    assertThat(e.errors()).hasSize(100);
    assertThat(e.errors().get(99))
        .isEqualTo(
            new FieldError("/time_series/steps/values/99/1", "must be greater than or equal to 0"));
    assertThat(e.getMessage())
        .isEqualTo("The request has 150 invalid fields. The first 100 are listed.");
  }

  @Test
  void unknownMembersOutsideTheSeriesAreIgnored() {
    ObjectNode body = request();
    body.put("client", "sdk 1.2");
    addSeries(body, "steps", T0, 1, 1);
    ((ObjectNode) body.get("time_series").get("steps")).put("unit", "count");

    assertThat(validator.validate(body).pointCount()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    assertThat(errorsOf(json("[]"))).containsExactly(new FieldError("", "must be a JSON object"));
  }

  private List<FieldError> errorsOf(JsonNode body) {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> validator.validate(body));
    assertThat(e).as("validation failure").isNotNull();
    assertThat(e.status()).isEqualTo(422);
    return e.errors();
  }
}
