package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStagesTest {

  private static BatchTrace trace(
      long accepted, long kafka, long computed, long updated, long sse) {
    BatchTrace t = new BatchTrace(accepted - 10, accepted);
    t.kafkaAt = kafka;
    t.sseComputedAt = computed;
    t.sseUpdatedAt = updated;
    t.sseReadAt = sse;
    t.getComputedAt = computed;
    t.getReadAt = sse + 5;
    return t;
  }

  @Test
  void breakdownGivesEachStagesPercentilesOverTheBatchesThatSawBothEnds() {
    List<BatchTrace> traces =
        List.of(
            trace(1_000, 1_002, 1_010, 1_030, 1_060),
            trace(1_100, 1_101, 1_120, 1_150, 1_300),
            new BatchTrace(1_200, 1_210)); // never seen after the accept

    List<String> lines = LiveStages.breakdown(traces);

    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("POST sent -> accept")
                    .contains("n=   3", "p50    10", "max    10"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("job snapshot -> table row written")
                    .contains("n=   2", "p50    20", "max    30"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("accept -> SSE event read (total)")
                    .contains("n=   2", "p50    60", "max   200"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("accept -> GET read (total)")
                    .contains("p50    65", "max   205"));
  }

  @Test
  void timeSeriesHasOneLinePerSecondOfAccepts() {
    List<BatchTrace> traces =
        List.of(trace(1_000, 1_002, 1_010, 1_030, 1_060), trace(2_500, 2_501, 2_520, 2_550, 2_700));

    List<String> lines = LiveStages.timeSeries(traces, 1_000);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).trim()).startsWith("0        1       65       65");
    assertThat(lines.get(2).trim()).startsWith("1        1      205      205");
  }
}
