package io.wearflow.infra;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the parts of a running stack can be reached: what jobs, the HTTP edge, tests and the
 * start-up banner need. Embedded servers and external ones (cluster mode) look the same here.
 *
 * @param kafkaBootstrapServers Kafka's {@code bootstrap.servers}
 * @param registry the schema registry (Confluent REST API)
 * @param postgres the PostgreSQL database
 * @param exportsDir the root of the Parquet exports
 * @param flinkWebUiUrl the Flink Web UI, empty when the stack runs no jobs
 * @param httpUrl the HTTP API, empty when the HTTP edge is not running
 */
public record StackEndpoints(
    String kafkaBootstrapServers,
    SchemaRegistryConfig registry,
    PostgresConfig postgres,
    Path exportsDir,
    Optional<String> flinkWebUiUrl,
    Optional<String> httpUrl) {

  public StackEndpoints {
    Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(postgres, "postgres");
    Objects.requireNonNull(exportsDir, "exportsDir");
    Objects.requireNonNull(flinkWebUiUrl, "flinkWebUiUrl");
    Objects.requireNonNull(httpUrl, "httpUrl");
  }

  StackEndpoints withFlinkWebUiUrl(String url) {
    return new StackEndpoints(
        kafkaBootstrapServers, registry, postgres, exportsDir, Optional.of(url), httpUrl);
  }

  StackEndpoints withHttpUrl(String url) {
    return new StackEndpoints(
        kafkaBootstrapServers, registry, postgres, exportsDir, flinkWebUiUrl, Optional.of(url));
  }
}
