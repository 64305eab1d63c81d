package io.wearflow.infra.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The calls of Flink's REST API that submitting and watching a job needs, over plain HTTP: what
 * {@code flink run} and the Web UI's "Submit New Job" do (upload the jar, run an entry class of it
 * with program arguments), the job's state, its completed checkpoints, and cancelling it.
 */
public final class FlinkRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param baseUrl the JobManager's REST endpoint, e.g. {@code http://127.0.0.1:8081}
   */
  public FlinkRestClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The REST endpoint this client talks to. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The cluster's {@code GET /overview}: {@code taskmanagers}, {@code slots-total}, {@code
   * slots-available}, {@code jobs-running}, {@code flink-version} ...
   */
  public JsonNode overview() throws IOException {
    return send(get("/overview", Duration.ofSeconds(5)), 200);
  }

  /**
   * Uploads a jar ({@code POST /jars/upload}) and returns its id on the cluster (the name {@link
   * #runJar} takes).
   */
  public String uploadJar(Path jar) throws IOException {
    String boundary = "wearflow-" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + jar.getFileName()
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    long length =
        head.getBytes(StandardCharsets.UTF_8).length
            + Files.size(jar)
            + tail.getBytes(StandardCharsets.UTF_8).length;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
            .timeout(UPLOAD_TIMEOUT)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> multipart(head, jar, tail)),
                    length))
            .build();
    JsonNode answer = send(request, 200);
    String file = answer.path("filename").asText("");
    if (file.isEmpty()) {
      throw new IOException("Flink accepted the jar without naming it: " + answer);
    }
    return Path.of(file).getFileName().toString();
  }

  /**
   * Runs {@code entryClass} of an uploaded jar ({@code POST /jars/:jarid/run}): the JobManager
   * calls its {@code main} with {@code programArgs}, which submits the job. Returns the job's id.
   *
   * @param parallelism the job's default parallelism, or 0 for the cluster's
   */
  public String runJar(String jarId, String entryClass, List<String> programArgs, int parallelism)
      throws IOException {
    ObjectNode body = JSON.createObjectNode().put("entryClass", entryClass);
    programArgs.forEach(body.putArray("programArgsList")::add);
    if (parallelism > 0) {
      body.put("parallelism", parallelism);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/jars/" + jarId + "/run"))
            .timeout(Duration.ofMinutes(1))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    JsonNode answer = send(request, 200);
    String jobId = answer.path("jobid").asText("");
    if (jobId.isEmpty()) {
      throw new IOException("Flink ran the jar without returning a job id: " + answer);
    }
    return jobId;
  }

  /** The job's state ({@code GET /jobs/:jobid}): CREATED, RUNNING, FAILED, CANCELED ... */
  public String jobState(String jobId) throws IOException {
    return send(get("/jobs/" + jobId, CALL_TIMEOUT), 200).path("state").asText();
  }

  /** How many checkpoints of the job completed ({@code GET /jobs/:jobid/checkpoints}). */
  public long completedCheckpoints(String jobId) throws IOException {
    return send(get("/jobs/" + jobId + "/checkpoints", CALL_TIMEOUT), 200)
        .path("counts")
        .path("completed")
        .asLong();
  }

  /** The root cause of the job's failures, empty when there is none ({@code /exceptions}). */
  public String rootException(String jobId) throws IOException {
    return send(get("/jobs/" + jobId + "/exceptions", CALL_TIMEOUT), 200)
        .path("root-exception")
        .asText("");
  }

  /** Cancels the job ({@code PATCH /jobs/:jobid?mode=cancel}); returns at once. */
  public void cancel(String jobId) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId + "?mode=cancel"))
            .timeout(CALL_TIMEOUT)
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build();
    send(request, 202);
  }

  private HttpRequest get(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build();
  }

  private JsonNode send(HttpRequest request, int expectedStatus) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted: " + request.method() + " " + request.uri(), e);
    }
    if (response.statusCode() != expectedStatus) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    String body = response.body();
    return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private static InputStream multipart(String head, Path jar, String tail) {
    try {
      return new SequenceInputStream(
          Collections.enumeration(
              List.of(
                  new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                  Files.newInputStream(jar),
                  new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
