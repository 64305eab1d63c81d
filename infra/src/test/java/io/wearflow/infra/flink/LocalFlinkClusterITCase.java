package io.wearflow.infra.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFlinkClusterITCase {

  /** What the test job saw: {element, elements counted so far (keyed state)}. */
  private static final Queue<long[]> SEEN = new ConcurrentLinkedQueue<>();

  @TempDir Path dir;

  @Test
  void resubmittedJobResumesFromItsLastCheckpoint() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    long lastSeenBeforeStop;
    try (LocalFlinkCluster cluster = LocalFlinkCluster.start(dir.resolve("work"), 0, 2, 1)) {
      assertThat(get(cluster.webUiUrl() + "/overview")).contains("\"taskmanagers\":1");

      JobID first =
          cluster.submit(
              "counting",
              LocalFlinkClusterITCase::countingJob,
              checkpoints,
              Duration.ofMillis(300));
      awaitTrue(() -> RetainedCheckpoints.latest(checkpoints).isPresent());
      assertThat(cluster.status(first)).isEqualTo(JobStatus.RUNNING);
      cluster.stop(first);
      assertThat(cluster.status(first)).isEqualTo(JobStatus.CANCELED);
      lastSeenBeforeStop = SEEN.stream().mapToLong(seen -> seen[0]).max().orElseThrow();
    }
    SEEN.clear();

    try (LocalFlinkCluster cluster = LocalFlinkCluster.start(dir.resolve("work"), 0, 2, 1)) {
      cluster.submit(
          "counting", LocalFlinkClusterITCase::countingJob, checkpoints, Duration.ofMillis(300));
      awaitTrue(() -> !SEEN.isEmpty());
    }

    long[] firstAfterRestore = SEEN.peek();
    // The source resumed after the checkpointed position, at most redoing what followed it ...
    assertThat(firstAfterRestore[0]).isPositive().isLessThanOrEqualTo(lastSeenBeforeStop + 1);
    // ... and the keyed count came back from the same checkpoint: elements 0..n counted once each.
    assertThat(firstAfterRestore[1]).isEqualTo(firstAfterRestore[0] + 1);
    assertThat(RetainedCheckpoints.latest(checkpoints)).isPresent();
  }

  /** An endless, slow sequence counted in keyed state. */
  private static void countingJob(StreamExecutionEnvironment env) {
    env.setParallelism(1);
    env.fromSequence(0, Long.MAX_VALUE)
        .name("numbers")
        .uid("numbers")
        .map(LocalFlinkClusterITCase::slowly)
        .name("slowly")
        .uid("slowly")
        .keyBy(value -> 0L)
        .process(new Counter())
        .name("count")
        .uid("count")
        .map(
            seen -> {
              SEEN.add(seen);
              return seen;
            })
        .returns(long[].class)
        .name("remember")
        .uid("remember")
        .sinkTo(new DiscardingSink<>())
        .name("discard")
        .uid("discard");
  }

  private static long slowly(long value) throws InterruptedException {
    Thread.sleep(5);
    return value;
  }

  private static final class Counter extends KeyedProcessFunction<Long, Long, long[]> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<long[]> out) throws Exception {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect(new long[] {value, next});
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
