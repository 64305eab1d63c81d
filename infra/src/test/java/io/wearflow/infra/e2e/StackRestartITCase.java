package io.wearflow.infra.e2e;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static io.wearflow.infra.e2e.WearflowApi.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.config.WearflowConfig;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and starting the local stack on the same data directory keeps every result and counts
 * nothing twice: the user-day job resumes from its last checkpoint (with its deduplication state),
 * so a batch resent after the restart changes nothing and only a new sample adds.
 */
class StackRestartITCase {

  @TempDir Path dataDir;

  @Test
  void restartKeepsResultsAndStillCountsAResentBatchOnce() throws Exception {
    WearflowConfig config = TestStacks.config(dataDir);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    SampleBatch batch =
        SampleBatch.steps("+02:00")
            .add("Galaxy Watch", day + "T09:00:00", day + "T09:30:00", 1000)
            .add("Galaxy Watch", day + "T12:00:00", day + "T12:30:00", 2000)
            .add("Galaxy Watch", day + "T18:00:00", day + "T18:30:00", 3000);
    SampleBatch batchAndANewSample =
        batch.add("Galaxy Watch", day + "T21:00:00", day + "T21:10:00", 500);

    Athlete athlete;
    try (LocalStack stack = LocalStack.start(config)) {
      WearflowApi api = TestStacks.api(stack);
      athlete = api.newAthlete("restart");
      api.postAccepted(athlete.token(), batch);
      // 1000 + 2000 + 3000 = 6000 steps in 3 samples
      assertThatEventually(() -> assertSteps(api, athlete.token(), day, 6000.0, 3));
      assertThatEventually(
          () ->
              assertThat(exported(stack, athlete))
                  .containsExactlyInAnyOrderElementsOf(batch.expectedRows()));
      // The job's state now includes the batch.
      TestStacks.awaitNextCheckpoint(stack);
    }

    try (LocalStack stack = LocalStack.start(config)) {
      WearflowApi api = TestStacks.api(stack);
      String token = api.token(athlete.username());
      assertSteps(api, token, day, 6000.0, 3);

      api.postAccepted(token, batchAndANewSample);
      // The resent three are already counted; the new one is processed after them.
      assertThatEventually(() -> assertThat(sampleCount(api, token, day)).isEqualTo(4));
      // 6000 + 500 = 6500, not 6000 + 6000 + 500
      assertSteps(api, token, day, 6500.0, 4);

      assertThatEventually(
          () ->
              assertThat(exported(stack, athlete)).containsAll(batchAndANewSample.expectedRows()));
      TestStacks.awaitNextCheckpoint(stack);
      assertThat(exported(stack, athlete))
          .containsExactlyInAnyOrderElementsOf(batchAndANewSample.expectedRows());
    }
  }

  private static void assertSteps(
      WearflowApi api, String token, LocalDate date, double steps, int sampleCount)
      throws Exception {
    JsonNode day = day(api.actigraphy(token, date, date), date);
    assertThat(day).as("the day %s", date).isNotNull();
    assertThat(day.get("steps").asDouble()).as("steps").isEqualTo(steps);
    assertThat(day.get("sample_count").asInt()).as("sample_count").isEqualTo(sampleCount);
  }

  private static int sampleCount(WearflowApi api, String token, LocalDate date) throws Exception {
    JsonNode day = day(api.actigraphy(token, date, date), date);
    return day == null ? 0 : day.get("sample_count").asInt();
  }

  private static List<ExportedRow> exported(LocalStack stack, Athlete athlete) throws Exception {
    return ParquetExports.samples(stack.endpoints().exportsDir(), athlete.id()).stream()
        .map(ParquetExports.Row::identityAndValue)
        .toList();
  }
}
