package io.wearflow.infra.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.http.activities.files.Sport;
import io.wearflow.infra.client.WearflowClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads activity files to {@code POST /api/v1/activities/upload} as multipart/form-data, at most
 * {@link #BATCH_SIZE} files per request: FIT files together (their sport is in the file), CSV files
 * batched by sport with the {@code sport} field. Prints one line per request with the status and
 * how many activities the answer lists.
 */
final class ActivityUploader {

  static final String UPLOAD_PATH = "/api/v1/activities/upload";
  static final int BATCH_SIZE = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY = "wearflow-generate-7f3a9c";

  /** A written file to upload; {@code sport} is sent for CSV files only. */
  record UploadFile(Path path, Sport sport, boolean csv) {}

  /** A request's worth of files. */
  record Batch(List<UploadFile> files, Sport csvSport) {}

  private final WearflowClient client;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PrintStream out;

  ActivityUploader(String baseUrl, PrintStream out) {
    this.client = new WearflowClient(baseUrl);
    this.out = out;
  }

  /** The batches: FIT files first, then CSV files by sport, in the given order within each. */
  static List<Batch> batches(List<UploadFile> files) {
    Map<Sport, List<UploadFile>> groups = new LinkedHashMap<>();
    List<UploadFile> fit = new ArrayList<>();
    for (UploadFile file : files) {
      if (file.csv()) {
        groups.computeIfAbsent(file.sport(), s -> new ArrayList<>()).add(file);
      } else {
        fit.add(file);
      }
    }
    List<Batch> batches = new ArrayList<>();
    chunk(fit, null, batches);
    groups.forEach((sport, group) -> chunk(group, sport, batches));
    return batches;
  }

  private static void chunk(List<UploadFile> files, Sport sport, List<Batch> batches) {
    for (int i = 0; i < files.size(); i += BATCH_SIZE) {
      batches.add(new Batch(files.subList(i, Math.min(files.size(), i + BATCH_SIZE)), sport));
    }
  }

  /** Uploads everything; the number of requests that did not answer 2xx. */
  int upload(List<UploadFile> files, String username, String password) {
    String token = client.token(username, password);
    List<Batch> batches = batches(files);
    int failed = 0;
    int activities = 0;
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      HttpResponse<String> response = send(batch, token);
      String what =
          batch.files().size()
              + (batch.csvSport() == null
                  ? " FIT files"
                  : " CSV files (" + batch.csvSport().wireName() + ")");
      if (response.statusCode() / 100 == 2) {
        int listed = listed(response.body());
        activities += Math.max(0, listed);
        out.printf(
            "upload %d/%d: %s -> %d, %s%n",
            b + 1,
            batches.size(),
            what,
            response.statusCode(),
            listed < 0 ? "no JSON array" : listed + " activities");
      } else {
        failed++;
        out.printf(
            "upload %d/%d: %s -> %d %s%n",
            b + 1, batches.size(), what, response.statusCode(), abbreviate(response.body()));
      }
    }
    out.printf(
        "Uploaded %d files in %d requests to %s: %d activities accepted, %d requests failed%n",
        files.size(), batches.size(), client.baseUrl(), activities, failed);
    return failed;
  }

  private HttpResponse<String> send(Batch batch, String token) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(client.baseUrl() + UPLOAD_PATH))
              .timeout(Duration.ofSeconds(120))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(batch)))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("upload to " + client.baseUrl() + UPLOAD_PATH + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during upload", e);
    }
  }

  /** The request body: one {@code files} part per file, then {@code sport} for CSV batches. */
  static byte[] multipart(Batch batch) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (UploadFile file : batch.files()) {
      String contentType = file.csv() ? "text/csv" : "application/octet-stream";
      body.write(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + file.path().getFileName()
                  + "\"\r\nContent-Type: "
                  + contentType
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(file.path()));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (batch.csvSport() != null) {
      body.write(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"sport\"\r\n\r\n"
                  + batch.csvSport().wireName()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Elements of a JSON array answer, -1 when the answer is not one. */
  private static int listed(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isArray() ? node.size() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
