package io.wearflow.infra.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wearflow.http.activities.files.ActivityFileParser;
import io.wearflow.http.activities.files.Sport;
import io.wearflow.infra.generate.ActivityUploader.Batch;
import io.wearflow.infra.generate.ActivityUploader.UploadFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityGeneratorTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void twoWeeksAreWrittenAsFitAndCsvFilesWithProgressAndASummary() throws IOException {
    GenerateOptions options =
        GenerateOptions.parse(
            List.of(
                "--out",
                dir.toString(),
                "--weeks",
                "2",
                "--seed",
                "3",
                "--end",
                "2025-03-30",
                "--csv-share",
                "0.5"));

    assertThat(new ActivityGenerator(options, out).run()).isTrue();

    List<PlannedSession> plan = SeasonPlan.plan(3, 2, LocalDate.of(2025, 3, 30));
    List<Path> files = files();
    assertThat(files).hasSize(plan.size());
    assertThat(files).anyMatch(f -> f.toString().endsWith(".csv"));
    assertThat(files).anyMatch(f -> f.toString().endsWith(".fit"));
    assertThat(files)
        .allMatch(f -> f.getParent().getFileName().toString().matches("cycling|running"));
    for (Path file : files) {
      Sport sport = Sport.fromWireName(file.getParent().getFileName().toString()).orElseThrow();
      byte[] content = Files.readAllBytes(file);
      Sport requestSport = file.toString().endsWith(".csv") ? sport : null;
      assertThat(
              ActivityFileParser.parse(0, file.getFileName().toString(), content, requestSport)
                  .sport())
          .isEqualTo(sport);
    }
    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("week  1/2  2025-03-17  ")
        .contains("week  2/2  2025-03-24  ")
        .contains("Wrote " + plan.size() + " files (");
  }

  @Test
  void theSameOptionsWriteTheSameFiles() throws IOException {
    List<String> args = List.of("--weeks", "1", "--seed", "9", "--end", "2025-05-04");
    new ActivityGenerator(GenerateOptions.parse(withOut(args, dir.resolve("a"))), out).run();
    new ActivityGenerator(GenerateOptions.parse(withOut(args, dir.resolve("b"))), out).run();

    List<Path> a = files(dir.resolve("a"));
    List<Path> b = files(dir.resolve("b"));
    assertThat(a).hasSameSizeAs(b).isNotEmpty();
    for (int i = 0; i < a.size(); i++) {
      assertThat(dir.resolve("a").relativize(a.get(i)))
          .isEqualTo(dir.resolve("b").relativize(b.get(i)));
      assertThat(Files.readAllBytes(a.get(i))).isEqualTo(Files.readAllBytes(b.get(i)));
    }
  }

  @Test
  void filesAreBatchedByTenWithCsvBatchesPerSport() {
    List<UploadFile> files =
        IntStream.range(0, 27)
            .mapToObj(
                i ->
                    new UploadFile(
                        Path.of("f" + i), i % 3 == 0 ? Sport.RUNNING : Sport.CYCLING, i % 2 == 0))
            .toList();

    List<Batch> batches = ActivityUploader.batches(files);

    assertThat(batches).extracting(b -> b.files().size()).containsExactly(10, 3, 5, 9);
    assertThat(batches)
        .extracting(Batch::csvSport)
        .containsExactly(null, null, Sport.RUNNING, Sport.CYCLING);
    for (Batch batch : batches) {
      assertThat(batch.files()).allMatch(f -> f.csv() == (batch.csvSport() != null));
      if (batch.csvSport() != null) {
        assertThat(batch.files()).allMatch(f -> f.sport() == batch.csvSport());
      }
    }
  }

  @Test
  void uploadSendsMultipartBatchesWithABearerToken() throws IOException {
    List<String> uploads = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/auth/token",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean ok =
              body.contains("\"username\":\"ann\"") && body.contains("\"password\":\"pw\"");
          respond(exchange, ok ? 200 : 401, "{\"access_token\":\"tok\",\"token_type\":\"bearer\"}");
        });
    server.createContext(
        "/api/v1/activities/upload",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
          uploads.add(exchange.getRequestHeaders().getFirst("Authorization") + "\n" + body);
          int files =
              count(Pattern.compile("name=\"files\"; filename=\"[^\"]+\\.(fit|csv)\""), body);
          respond(exchange, 202, "[" + String.join(",", Collections.nCopies(files, "{}")) + "]");
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      GenerateOptions options =
          GenerateOptions.parse(
              List.of(
                  "--out",
                  dir.toString(),
                  "--weeks",
                  "3",
                  "--seed",
                  "4",
                  "--end",
                  "2025-06-01",
                  "--csv-share",
                  "0.4",
                  "--upload",
                  url,
                  "--username",
                  "ann",
                  "--password",
                  "pw"));

      assertThat(new ActivityGenerator(options, out).run()).isTrue();
    } finally {
      server.stop(0);
    }

    int written = files().size();
    assertThat(uploads).isNotEmpty().allMatch(u -> u.startsWith("Bearer tok\n"));
    int sent = 0;
    for (String upload : uploads) {
      int files = count(Pattern.compile("name=\"files\"; filename=\""), upload);
      assertThat(files).isBetween(1, 10);
      boolean csv = upload.contains(".csv\"");
      assertThat(upload.contains("name=\"sport\"")).isEqualTo(csv);
      assertThat(upload.contains(".fit\"") && csv).isFalse();
      sent += files;
    }
    assertThat(sent).isEqualTo(written);
    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("upload 1/" + uploads.size() + ": ").contains("-> 202, ");
    assertThat(printed)
        .contains("Uploaded " + written + " files in " + uploads.size() + " requests");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<String> withOut(List<String> args, Path out) {
    return Stream.concat(args.stream(), Stream.of("--out", out.toString())).toList();
  }

  private List<Path> files() throws IOException {
    return files(dir);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
