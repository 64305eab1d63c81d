package io.wearflow.infra.e2e;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static io.wearflow.infra.e2e.WearflowApi.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.infra.kafka.EmbeddedKafkaBroker;
import io.wearflow.infra.net.FreePorts;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka stops under a running stack (the broker runs outside it, as an external cluster would):
 * writes are answered 503 with {@code Retry-After} within a bounded time, none hangs; when the
 * broker is back, the same batches re-sent are accepted and counted once, and what was acknowledged
 * before the outage is still there.
 */
class BrokerOutageITCase {

  /** The edge waits {@code http.kafka.publish-timeout} (5 s) for Kafka; allow generous slack. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  @TempDir Path dataDir;
  @TempDir Path kafkaDir;

  @Test
  void writesAre503DuringTheOutageAndTheResentBatchesCountOnceAfterIt() throws Exception {
    int port = FreePorts.pick();
    int controllerPort = FreePorts.pick();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, port, controllerPort);
    try {
      Map<String, Map<String, String>> topics = new LinkedHashMap<>();
      for (Topic<?> topic : Topics.ALL) {
        topics.put(topic.name(), topic.topicConfig());
      }
      EmbeddedKafkaBroker.createTopics(broker.bootstrapServers(), topics, 2);
      Map<String, String> external = Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
      try (LocalStack stack = LocalStack.start(TestStacks.config(dataDir, external))) {
        WearflowApi api = TestStacks.api(stack);
        Athlete athlete = api.newAthlete("outage");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        SampleBatch before =
            SampleBatch.steps("+00:00")
                .add("Band", day + "T08:00:00", day + "T08:10:00", 100)
                .add("Band", day + "T09:00:00", day + "T09:10:00", 200)
                .add("Band", day + "T10:00:00", day + "T10:10:00", 300);
        SampleBatch during =
            SampleBatch.steps("+00:00")
                .add("Band", day + "T11:00:00", day + "T11:10:00", 400)
                .add("Band", day + "T12:00:00", day + "T12:10:00", 500)
                .add("Band", day + "T13:00:00", day + "T13:10:00", 600);
        api.postAccepted(athlete.token(), before);
        assertWithin(Duration.ofSeconds(60), () -> assertSteps(api, athlete, day, 600, 3));

        broker.close();
        // Several writers at once: every one gets 503 + Retry-After, none waits past the bound.
        List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
          writes.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return api.postJson(WearflowApi.SAMPLES, during.toJson(), athlete.token());
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
        }
        for (CompletableFuture<HttpResponse<String>> write : writes) {
          HttpResponse<String> response = write.get();
          assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
          assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
          assertThat(response.headers().firstValue("Content-Type").orElse(""))
              .startsWith("application/problem+json");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);

        broker = EmbeddedKafkaBroker.start(kafkaDir, port, controllerPort);
        // The client retries as told until accepted; then re-sends the first batch for good
        // measure.
        assertWithin(
            Duration.ofSeconds(90),
            () ->
                assertThat(
                        api.postJson(WearflowApi.SAMPLES, during.toJson(), athlete.token())
                            .statusCode())
                    .isEqualTo(201));
        api.postAccepted(athlete.token(), before);
        api.postAccepted(athlete.token(), during);

        // 100 + 200 + 300 before, 400 + 500 + 600 during: six samples, each counted once.
        assertWithin(Duration.ofSeconds(120), () -> assertSteps(api, athlete, day, 2100, 6));
      }
    } finally {
      broker.close();
    }
  }

  private static void assertSteps(
      WearflowApi api, Athlete athlete, LocalDate date, double steps, int samples)
      throws Exception {
    JsonNode found = day(api.actigraphy(athlete.token(), date, date), date);
    assertThat(found).as("the day %s", date).isNotNull();
    assertThat(found.get("steps").asDouble()).isEqualTo(steps);
    assertThat(found.get("sample_count").asInt()).isEqualTo(samples);
  }
}
