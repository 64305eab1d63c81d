package io.wearflow.http.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingFramesValidatorTest {

  private static final Instant NOW = Instant.parse("2024-05-01T18:00:00.123456Z");
  private static final long NOW_MS = NOW.toEpochMilli();
  private static final long EIGHT_DAYS_MS = 8L * 24 * 3600 * 1000;

  private final TrackingFramesValidator validator = new TrackingFramesValidator();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void boundsThemselvesAreAccepted() throws Exception {
    String body =
        """
        {"frames": [
          {"timestamp": %d, "lat": -90, "lon": 180, "speed": 0, "heart_rate": 20},
          {"timestamp": %d, "lat": 90, "lon": -180, "speed": 50, "heart_rate": 260},
          {"timestamp": %d.0, "x": 0, "y": 0, "speed": null, "heart_rate": null}
        ]}
        """
            .formatted(NOW_MS - EIGHT_DAYS_MS, NOW_MS + 300_000, NOW_MS);

    List<TrackingFrame> frames = validator.validate(json.readTree(body), 9, NOW);

    assertThat(frames)
        .extracting(TrackingFrame::getTimestamp)
        .containsExactly(
            Instant.ofEpochMilli(NOW_MS - EIGHT_DAYS_MS),
            Instant.ofEpochMilli(NOW_MS + 300_000),
            Instant.ofEpochMilli(NOW_MS));
    assertThat(frames.get(0).getSpeed()).isEqualTo(0.0);
    assertThat(frames.get(1).getHeartRate()).isEqualTo(260.0);
    assertThat(frames.get(2).getSpeed()).isNull();
    assertThat(frames)
        .allSatisfy(
            f -> {
              assertThat(f.getDeviceId()).isEqualTo(9);
              assertThat(f.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(NOW_MS));
            });
  }

  @Test
  void justOutsideTheBoundsIsRefused() {
    String body =
        """
        {"frames": [
          {"timestamp": %d, "x": 1, "y": 1, "speed": -0.001, "heart_rate": 19.9},
          {"timestamp": %d, "lat": 0, "lon": 180.0001, "heart_rate": 260.1}
        ]}
        """
            .formatted(NOW_MS - EIGHT_DAYS_MS - 1, NOW_MS + 300_001);

    assertThat(errors(body))
        .extracting(FieldError::pointer)
        .containsExactly(
            "/frames/0/timestamp",
            "/frames/0/speed",
            "/frames/0/heart_rate",
            "/frames/1/timestamp",
            "/frames/1/lon",
            "/frames/1/heart_rate");
  }

  @Test
  void aFrameWithoutAPositionOrWithHalfAPairIsRefused() {
    String body =
        """
        {"frames": [{"timestamp": %d}, {"timestamp": %d, "lon": 8}, "frame"]}
        """
            .formatted(NOW_MS, NOW_MS);

    assertThat(errors(body))
        .containsExactly(
            new FieldError(
                "/frames/0", "must have a position: x and y (metres) or lat and lon (degrees)"),
            new FieldError("/frames/1/lat", "is required"),
            new FieldError("/frames/2", "must be a JSON object"));
  }

  @Test
  void missingOrEmptyFramesAreRefusedAtTheArray() {
    assertThat(errors("{}")).containsExactly(new FieldError("/frames", "is required"));
    assertThat(errors("{\"frames\": {}}"))
        .containsExactly(new FieldError("/frames", "must be an array"));
    assertThat(errors("{\"frames\": []}"))
        .containsExactly(new FieldError("/frames", "must hold 1 to 5000 frames, had 0"));
    assertThat(errors("[]"))
        .containsExactly(new FieldError("", "must be a JSON object with a frames array"));
  }

  @Test
  void atMostTheFirst100ErrorsAreListedButAllCounted() {
    StringBuilder body = new StringBuilder("{\"frames\": [");
    for (int i = 0; i < 150; i++) {
      body.append(i == 0 ? "" : ",").append("{\"timestamp\": 0, \"x\": 0, \"y\": 0}");
    }
    body.append("]}");

    assertThatThrownBy(() -> validator.validate(json.readTree(body.toString()), 9, NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.errors()).hasSize(100);
              assertThat(e.getMessage()).contains("150 invalid fields");
            });
  }

  private List<FieldError> errors(String body) {
    try {
      JsonNode tree = json.readTree(body);
      validator.validate(tree, 9, NOW);
    } catch (ValidationException e) {
      return e.errors();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no validation error for " + body);
  }
}
