package io.wearflow.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.connectors.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryProcessITCase {

  private static final Schema V1 =
      SchemaBuilder.record("Reading")
          .namespace("io.wearflow.test")
          .fields()
          .requiredLong("user_id")
          .requiredDouble("value")
          .endRecord();

  /** Adds an optional field with a default: readers of V2 can read V1 data. */
  private static final Schema V2_COMPATIBLE =
      SchemaBuilder.record("Reading")
          .namespace("io.wearflow.test")
          .fields()
          .requiredLong("user_id")
          .requiredDouble("value")
          .optionalString("unit")
          .endRecord();

  /** Adds a required field without a default: readers of it cannot read V1 data. */
  private static final Schema V2_INCOMPATIBLE =
      SchemaBuilder.record("Reading")
          .namespace("io.wearflow.test")
          .fields()
          .requiredLong("user_id")
          .requiredDouble("value")
          .requiredString("device")
          .endRecord();

  @TempDir Path dir;

  @Test
  void registersFetchesAndEnforcesBackwardCompatibility() throws Exception {
    try (ApicurioRegistryProcess registry = ApicurioRegistryProcess.start(dir, 0)) {
      SchemaRegistryClient client =
          new SchemaRegistryClient(SchemaRegistryConfig.of(registry.confluentUrl()));

      int v1 = client.register("readings-value", V1);
      int v2 = client.register("readings-value", V2_COMPATIBLE);
      SchemaRegistryException refused =
          catchThrowableOfType(
              SchemaRegistryException.class,
              () -> client.register("readings-value", V2_INCOMPATIBLE));

      assertThat(v2).isNotEqualTo(v1);
      assertThat(
              new SchemaRegistryClient(SchemaRegistryConfig.of(registry.confluentUrl()))
                  .schemaById(v1))
          .isEqualTo(V1);
      assertThat(refused.httpStatus()).isEqualTo(409);

      // Eight writers (say, edge instances) register a new subject at the same moment: the
      // registry's answer to the race is not an error for any of them, and all get one id.
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        java.util.List<java.util.concurrent.Future<Integer>> ids = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
          ids.add(
              pool.submit(
                  () -> {
                    SchemaRegistryClient writer =
                        new SchemaRegistryClient(SchemaRegistryConfig.of(registry.confluentUrl()));
                    start.await();
                    return writer.register("concurrent-value", V1);
                  }));
        }
        start.countDown();
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Integer> id : ids) {
          distinct.add(id.get());
        }
        assertThat(distinct).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void restartKeepsSubjectsAndIdsAndStopsAnOrphanedRegistry() throws Exception {
    ApicurioRegistryProcess orphan = ApicurioRegistryProcess.start(dir, 0);
    int id =
        new SchemaRegistryClient(SchemaRegistryConfig.of(orphan.confluentUrl()))
            .register("readings-value", V1);
    assertThat(dir.resolve("registry.pid")).hasContent(Long.toString(orphan.pid()));

    // As if the parent had been killed: the next start finds the old child by its pid file.
    try (ApicurioRegistryProcess restarted = ApicurioRegistryProcess.start(dir, 0)) {
      assertThat(orphan.isAlive()).isFalse();
      SchemaRegistryClient client =
          new SchemaRegistryClient(SchemaRegistryConfig.of(restarted.confluentUrl()));

      assertThat(client.register("readings-value", V1)).isEqualTo(id);
      assertThat(client.schemaById(id)).isEqualTo(V1);
      assertThat(get(restarted.confluentUrl() + "/subjects")).isEqualTo("[\"readings-value\"]");
    } finally {
      orphan.close();
    }
    assertThat(dir.resolve("registry.pid")).doesNotExist();
    assertThat(Files.readString(dir.resolve("registry.log"))).contains("Listening on");
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
