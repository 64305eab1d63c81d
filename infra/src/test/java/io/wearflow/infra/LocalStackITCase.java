package io.wearflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.config.ConfigLoader;
import io.wearflow.infra.config.WearflowConfig;
import io.wearflow.infra.flink.RetainedCheckpoints;
import io.wearflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackITCase {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void stackStartsEverythingAndResumesAfterARestart() throws Exception {
    WearflowConfig config =
        ConfigLoader.fromValues(
            Map.ofEntries(
                Map.entry("data.dir", dir.toString()),
                Map.entry("http.port", "0"),
                Map.entry("kafka.port", "0"),
                Map.entry("kafka.controller.port", "0"),
                Map.entry("registry.port", "0"),
                Map.entry("postgres.port", "0"),
                Map.entry("flink.ui.port", "0"),
                Map.entry("flink.checkpoint.interval", "500ms"),
                Map.entry("http.auth.bcrypt-cost", "4"),
                Map.entry("admin.password", "local-admin-pw")));

    try (LocalStack stack = LocalStack.start(config)) {
      StackEndpoints endpoints = stack.endpoints();
      assertThat(get(endpoints.httpUrl().orElseThrow() + "/health").body()).contains("ok");
      assertThat(token(endpoints, "local-admin-pw").statusCode()).isEqualTo(200);
      assertThat(topics(endpoints)).containsAll(Set.of("samples", "dead-letters"));
      assertThat(
              new SchemaRegistryClient(endpoints.registry())
                  .register(Topics.SAMPLES.valueSubject(), Topics.SAMPLES.valueSchema()))
          .isPositive();
      assertThat(userDayJobStatus(stack)).isEqualTo(JobStatus.RUNNING);
      assertThat(get(endpoints.flinkWebUiUrl().orElseThrow() + "/jobs/overview").body())
          .contains("\"name\":\"user-day\"");
    }
    assertThat(RetainedCheckpoints.latest(config.checkpointsDir("user-day"))).isPresent();

    try (LocalStack restarted = LocalStack.start(config)) {
      assertThat(token(restarted.endpoints(), "local-admin-pw").statusCode()).isEqualTo(200);
      assertThat(adminAccounts(restarted)).isEqualTo(1);
      assertThat(userDayJobStatus(restarted)).isEqualTo(JobStatus.RUNNING);
    }
  }

  /** The user-day job's status once it left the start-up states (at most 60 s). */
  private static JobStatus userDayJobStatus(LocalStack stack) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JobStatus status = currentUserDayJobStatus(stack);
    while ((status == JobStatus.INITIALIZING || status == JobStatus.CREATED)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = currentUserDayJobStatus(stack);
    }
    return status;
  }

  private static JobStatus currentUserDayJobStatus(LocalStack stack) throws Exception {
    return stack.flink().orElseThrow().miniCluster().listJobs().get().stream()
        .filter(job -> job.getJobName().equals("user-day"))
        .map(JobStatusMessage::getJobState)
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> topics(StackEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private static long adminAccounts(LocalStack stack) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM accounts WHERE username = 'admin'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static HttpResponse<String> token(StackEndpoints endpoints, String password)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(endpoints.httpUrl().orElseThrow() + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response;
  }
}
