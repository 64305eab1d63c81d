package io.wearflow.infra.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private final SampleStream stream =
      new SampleStream(List.of(11L, 12L), "samples-v1.1", LocalDate.of(2024, 3, 1));

  @Test
  void batchesGoRoundTheUsersAndStartOverAfterTheDistinctOnes() {
    BatchPlan plan = new BatchPlan(stream, 4);

    assertThat(List.of(plan.user(0), plan.user(1), plan.user(2), plan.user(3), plan.user(4)))
        .containsExactly(0, 1, 0, 1, 0);
    assertThat(List.of(plan.first(0), plan.first(1), plan.first(2), plan.first(3), plan.first(4)))
        .containsExactly(0, 0, 1000, 1000, 0);
    assertThat(plan.json(5)).isEqualTo(plan.json(1));
  }

  @Test
  void groundTruthCoversEachDistinctBatchOnce() {
    BatchPlan plan = new BatchPlan(stream, 4);

    assertThat(plan.truth(3).samples()).isEqualTo(3000);
    assertThat(plan.truth(4).samples()).isEqualTo(4000);
    assertThat(plan.truth(9).samples()).isEqualTo(4000);
    // Each user: 2,000 samples over 4 days, 500 a day.
    assertThat(plan.truth(4).userDays().values()).allMatch(day -> day.samples() == 500);
    assertThat(plan.truth(4).userDays()).hasSize(8);
  }

  @Test
  void distinctBatchesMustBeAMultipleOfTheUsers() {
    assertThatThrownBy(() -> new BatchPlan(stream, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestBodyHoldsTheSamplesTheGroundTruthCounts() throws Exception {
    BatchPlan plan = new BatchPlan(stream, 4);
    JsonNode body = new ObjectMapper().readTree(plan.json(3));

    assertThat(body.path("data_type").asText()).isEqualTo("steps");
    assertThat(body.path("data")).hasSize(1000);
    JsonNode first = body.path("data").get(0);
    // User 12 (index 1), sample 1000: day 1000 % 4 = 0, minute 250, value (7 + 13000) % 200 + 1.
    assertThat(first.path("start_date").asText()).isEqualTo("2024-03-01T04:10:00.000+00:00");
    assertThat(first.path("end_date").asText()).isEqualTo("2024-03-01T04:10:59.000+00:00");
    assertThat(first.path("value").asLong()).isEqualTo(8);
    assertThat(first.path("device_name").asText()).isEqualTo("band-0");
    assertThat(stream.sample(1, 1000).getValue()).isEqualTo(8.0);
  }

  @Test
  void samplesBeyondOneDeviceDayGridUseAnotherDevice() {
    assertThat(stream.sample(0, SampleStream.PER_DEVICE - 1).getDeviceName()).isEqualTo("band-0");
    assertThat(stream.sample(0, SampleStream.PER_DEVICE).getDeviceName()).isEqualTo("band-1");
    assertThat(stream.sample(0, SampleStream.PER_DEVICE).getStartTime())
        .isEqualTo(stream.sample(0, 0).getStartTime());
  }
}
