package io.wearflow.http.samples;

import static io.wearflow.http.samples.SamplesJson.batch;
import static io.wearflow.http.samples.SamplesJson.bpmSample;
import static io.wearflow.http.samples.SamplesJson.stepsBatch;
import static io.wearflow.http.samples.SamplesJson.stepsSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesValidatorTest {

  private static final String DATE_TIME_FORMAT =
      "must be an ISO-8601 date-time with a UTC offset, e.g. 2023-11-01T08:04:51.000+04:00";

  private final SamplesValidator validator = new SamplesValidator();

  @Test
  void validStepsBatchBecomesTypedSamples() {
    SamplesRequest request =
        validator.validate(
            batch("steps", stepsSample(51, 14), stepsSample(21, 24), stepsSample(3, 7)));

    assertThat(request.dataType()).isEqualTo(DataType.STEPS);
    assertThat(request.samples()).hasSize(3);
    SampleInput first = request.samples().get(0);
    assertThat(first.deviceName()).isEqualTo("iPhone");
    assertThat(first.deviceVersion()).isEqualTo("17.0.3");
    assertThat(first.start())
        .isEqualTo(OffsetDateTime.of(2023, 11, 1, 8, 4, 51, 0, ZoneOffset.ofHours(4)));
    assertThat(first.end())
        .isEqualTo(OffsetDateTime.of(2023, 11, 1, 8, 5, 51, 0, ZoneOffset.ofHours(4)));
    assertThat(first.unit()).isEqualTo(SampleUnit.COUNT);
    assertThat(first.value()).isEqualTo(14.0);
    assertThat(request.samples()).extracting(SampleInput::value).containsExactly(14.0, 24.0, 7.0);
  }

  @Test
  void missingEndDateMakesAnInstantaneousSample() {
    SamplesRequest request =
        validator.validate(batch("bpm", bpmSample(1, 60), bpmSample(2, 61), bpmSample(3, 62)));

    SampleInput first = request.samples().get(0);
    assertThat(first.end()).isEqualTo(first.start());
    assertThat(first.start()).isEqualTo(OffsetDateTime.of(2023, 11, 1, 9, 0, 1, 0, ZoneOffset.UTC));
    assertThat(first.deviceVersion()).isNull();
    assertThat(first.unit()).isEqualTo(SampleUnit.COUNT_PER_MINUTE);
  }

  @Test
  void datesBeforeTheEpochOrAfterYear9999AreRefused() {
    ObjectNode body = stepsBatch(4);
    ((ObjectNode) body.get("data").get(0)).put("start_date", "1969-12-31T23:59:59.999Z");
    ((ObjectNode) body.get("data").get(1))
        .put("start_date", "+999999999-12-31T23:59:59Z")
        .remove("end_date");
    ((ObjectNode) body.get("data").get(2)).put("end_date", "+10000-01-01T00:00:00Z");
    ((ObjectNode) body.get("data").get(3))
        .put("start_date", "1970-01-01T01:00:00+01:00")
        .put("end_date", "9999-12-31T23:59:59.999Z");
    String range = "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z";

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/start_date", range),
            new FieldError("/data/1/start_date", range),
            new FieldError("/data/2/end_date", range));
  }

  @Test
  void twoSamplesAreTooFew() {
    assertThat(errorsOf(stepsBatch(2)))
        .containsExactly(new FieldError("/data", "must contain at least 3 samples (got 2)"));
  }

  @Test
  void threeAndOneThousandSamplesAreTheLimits() {
    assertThat(validator.validate(stepsBatch(3)).samples()).hasSize(3);
    assertThat(validator.validate(stepsBatch(1000)).samples()).hasSize(1000);
  }

  @Test
  void oneThousandAndOneSamplesAreTooMany() {
    assertThat(errorsOf(stepsBatch(1001)))
        .containsExactly(new FieldError("/data", "must contain at most 1000 samples (got 1001)"));
  }

  @Test
  void missingTopLevelFieldsAreRequired() {
    assertThat(errorsOf(json("{}")))
        .containsExactly(
            new FieldError("/data_type", "is required"), new FieldError("/data", "is required"));
  }

  @Test
  void topLevelFieldsOfTheWrongTypeAreRefused() {
    assertThat(errorsOf(json("{\"data_type\": 1, \"data\": {\"0\": {}}}")))
        .containsExactly(
            new FieldError("/data_type", "must be a string"),
            new FieldError("/data", "must be an array"));
  }

  @Test
  void unknownDataTypeIsRefused() {
    ObjectNode body = stepsBatch(3);
    body.put("data_type", "calories");

    assertThat(errorsOf(body))
        .containsExactly(new FieldError("/data_type", "must be one of: steps, bpm"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    assertThat(errorsOf(json("[1, 2, 3]")))
        .containsExactly(new FieldError("", "must be a JSON object"));
  }

  @Test
  void aSampleThatIsNotAnObjectIsRefused() {
    ObjectNode body = stepsBatch(3);
    ((ArrayNode) body.get("data")).set(1, body.numberNode(5));

    assertThat(errorsOf(body)).containsExactly(new FieldError("/data/1", "must be an object"));
  }

  @Test
  void missingSampleFieldsAreEachReported() {
    ObjectNode body = stepsBatch(3);
    ((ArrayNode) body.get("data")).set(0, json("{\"device_version\": \"1\"}"));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/device_name", "is required"),
            new FieldError("/data/0/start_date", "is required"),
            new FieldError("/data/0/unit", "is required"),
            new FieldError("/data/0/value", "is required"));
  }

  @Test
  void nullCountsAsAbsent() {
    ObjectNode body = stepsBatch(3);
    ObjectNode sample = sample(body, 2);
    sample.putNull("device_version");
    sample.putNull("end_date");
    sample.putNull("value");

    assertThat(errorsOf(body)).containsExactly(new FieldError("/data/2/value", "is required"));
  }

  @Test
  void sampleFieldsOfTheWrongTypeAreNotCoerced() {
    ObjectNode body = stepsBatch(3);
    ObjectNode sample = sample(body, 1);
    sample.put("device_name", 5);
    sample.put("device_version", 17);
    sample.put("start_date", 1698811491000L);
    sample.put("end_date", true);
    sample.put("unit", 1);
    sample.put("value", "12");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/1/device_name", "must be a string"),
            new FieldError("/data/1/device_version", "must be a string"),
            new FieldError("/data/1/start_date", "must be a string"),
            new FieldError("/data/1/end_date", "must be a string"),
            new FieldError("/data/1/unit", "must be a string"),
            new FieldError("/data/1/value", "must be a number"));
  }

  @Test
  void blankDeviceNameIsRefused() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("device_name", "  ");

    assertThat(errorsOf(body))
        .containsExactly(new FieldError("/data/0/device_name", "must not be blank"));
  }

  @Test
  void endBeforeStartIsRefused() {
    ObjectNode body = stepsBatch(3);
    ObjectNode sample = sample(body, 2);
    sample.put("start_date", "2023-11-01T08:04:51.000+04:00");
    sample.put("end_date", "2023-11-01T08:04:50.999+04:00");

    assertThat(errorsOf(body))
        .containsExactly(new FieldError("/data/2/end_date", "must not be earlier than start_date"));
  }

  @Test
  void endAndStartAreComparedAsInstantsAcrossOffsets() {
    ObjectNode body = stepsBatch(3);
    ObjectNode sample = sample(body, 0);
    // 04:00Z to 05:00Z although the end's local time is earlier.
    sample.put("start_date", "2023-11-01T08:00:00+04:00");
    sample.put("end_date", "2023-11-01T07:00:00+02:00");

    SampleInput input = validator.validate(body).samples().get(0);

    assertThat(input.end().toInstant()).isEqualTo(input.start().toInstant().plusSeconds(3600));
  }

  @Test
  void endEqualToStartIsAccepted() {
    ObjectNode body = stepsBatch(3);
    ObjectNode sample = sample(body, 0);
    sample.put("start_date", "2023-11-01T08:00:00+04:00");
    sample.put("end_date", "2023-11-01T04:00:00Z");

    assertThat(validator.validate(body).samples()).hasSize(3);
  }

  @Test
  void dateTimesWithoutOffsetAreRefused() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("start_date", "2023-11-01T08:04:51.000");
    sample(body, 1).put("end_date", "2023-11-01T08:05:51");
    sample(body, 2).put("start_date", "2023-11-01");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/start_date", DATE_TIME_FORMAT),
            new FieldError("/data/1/end_date", DATE_TIME_FORMAT),
            new FieldError("/data/2/start_date", DATE_TIME_FORMAT));
  }

  @Test
  void unknownUnitIsRefused() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("unit", "steps");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/unit", "must be one of: count, count/min, count/s"));
  }

  @Test
  void stepsMustBeCounted() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("unit", "count/min");
    sample(body, 1).put("unit", "count/s");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/unit", "must be count when data_type is steps"),
            new FieldError("/data/1/unit", "must be count when data_type is steps"));
  }

  @Test
  void heartRateMustBeARate() {
    ObjectNode body = batch("bpm", bpmSample(1, 60), bpmSample(2, 60), bpmSample(3, 60));
    sample(body, 2).put("unit", "count");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/2/unit", "must be count/min or count/s when data_type is bpm"));
  }

  @Test
  void heartRateMayBeSentPerSecondAndIsKeptAsSent() {
    ObjectNode body = batch("bpm", bpmSample(1, 60), bpmSample(2, 60), bpmSample(3, 60));
    ObjectNode sample = sample(body, 0);
    sample.put("unit", "count/s");
    sample.put("value", 1.25);

    SampleInput input = validator.validate(body).samples().get(0);

    assertThat(input.unit()).isEqualTo(SampleUnit.COUNT_PER_SECOND);
    assertThat(input.value()).isEqualTo(1.25);
  }

  @Test
  void valueMustBeGreaterThanZero() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("value", 0);
    sample(body, 1).put("value", -3.5);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/value", "must be greater than 0"),
            new FieldError("/data/1/value", "must be greater than 0"));
  }

  @Test
  void countIsAtMostThirtyThousand() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("value", 30000);
    sample(body, 1).put("value", 30001);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/data/1/value", "must be less than or equal to 30000 when unit is count"));
  }

  @Test
  void countPerMinuteIsAtMostThreeHundred() {
    ObjectNode body = batch("bpm", bpmSample(1, 300), bpmSample(2, 301), bpmSample(3, 60));

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/data/1/value", "must be less than or equal to 300 when unit is count/min"));
  }

  @Test
  void countPerSecondIsAtMostFive() {
    ObjectNode body = batch("bpm", bpmSample(1, 60), bpmSample(2, 60), bpmSample(3, 60));
    ObjectNode first = sample(body, 0);
    first.put("unit", "count/s");
    first.put("value", 5);
    ObjectNode second = sample(body, 1);
    second.put("unit", "count/s");
    second.put("value", 5.01);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/data/1/value", "must be less than or equal to 5 when unit is count/s"));
  }

  @Test
  void limitsAreCheckedOnTheExactLiteral() {
    JsonNode body =
        json(
            "{\"data_type\": \"bpm\", \"data\": ["
                + bpmJson("300.0000000000000000001")
                + ","
                + bpmJson("1e-400")
                + ","
                + bpmJson("299.99")
                + "]}");

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError(
                "/data/0/value", "must be less than or equal to 300 when unit is count/min"),
            new FieldError("/data/1/value", "must be greater than 0"));
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    ObjectNode body = stepsBatch(3);
    sample(body, 0).put("value", Double.NaN);
    sample(body, 1).put("value", Double.POSITIVE_INFINITY);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data/0/value", "must be a finite number"),
            new FieldError("/data/1/value", "must be a finite number"));
  }

  @Test
  void everyErrorOfTheRequestIsReportedWithItsPointer() {
    ObjectNode body = stepsBatch(20);
    body.remove("data_type");
    sample(body, 3).put("start_date", "yesterday");
    sample(body, 17).put("value", 0);

    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("/data_type", "is required"),
            new FieldError("/data/3/start_date", DATE_TIME_FORMAT),
            new FieldError("/data/17/value", "must be greater than 0"));
  }

  @Test
  void unknownFieldsAreIgnored() {
    ObjectNode body = stepsBatch(3);
    body.put("client", "wearflow-sdk");
    sample(body, 0).put("source_id", "abc");

    assertThat(validator.validate(body).samples()).hasSize(3);
  }

  private static ObjectNode sample(JsonNode body, int index) {
    return (ObjectNode) body.get("data").get(index);
  }

  private List<FieldError> errorsOf(JsonNode body) {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> validator.validate(body));
    assertThat(e).as("validation failure").isNotNull();
    assertThat(e.status()).isEqualTo(422);
    return e.errors();
  }

  private static String bpmJson(String valueLiteral) {
    return "{\"device_name\": \"Watch\", \"start_date\": \"2023-11-01T09:00:00Z\","
        + " \"unit\": \"count/min\", \"value\": "
        + valueLiteral
        + "}";
  }

  private static JsonNode json(String text) {
    try {
      return JsonSupport.newObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
