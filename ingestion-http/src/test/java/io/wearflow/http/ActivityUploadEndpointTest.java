package io.wearflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.activities.files.ActivityFileFixtures;
import io.wearflow.http.activities.files.ActivityRecord;
import io.wearflow.http.activities.files.Lap;
import io.wearflow.schemas.activities.LapBounds;
import io.wearflow.schemas.activities.UploadedActivity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/activities/upload}, {@code GET {id}/download} and {@code PUT|DELETE
 * {id}/app-metadata} over HTTP, with activity files in memory and a recording publisher; files made
 * by {@link ActivityFileFixtures} (FIT with Garmin's encoder).
 */
class ActivityUploadEndpointTest {

  private static final String UPLOAD = "/api/v1/activities/upload";
  private static final Instant RIDE_START = Instant.parse("2024-05-01T05:30:00Z");
  private static final Instant RUN_START = Instant.parse("2024-05-03T17:00:00Z");
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private final EdgeFixture edge = new EdgeFixture();

  /** The upload limit of {@link #app()}; 0: the same as the request limit. */
  private long maxUploadBytes;

  private final InMemoryActivityFiles files = new InMemoryActivityFiles();
  private final RecordingActivityPublisher publisher = new RecordingActivityPublisher();
  private final Account ana = edge.athlete("ana");
  private final Account bob = edge.athlete("bob");

  private final List<ActivityRecord> ride = ActivityFileFixtures.ride(RIDE_START, 120);
  private final List<Lap> rideLaps =
      List.of(
          new Lap(RIDE_START, RIDE_START.plusSeconds(60)),
          new Lap(RIDE_START.plusSeconds(60), RIDE_START.plusSeconds(120)));
  private final byte[] rideFit =
      ActivityFileFixtures.fit(ride, rideLaps, com.garmin.fit.Sport.CYCLING, ZoneOffset.ofHours(2));
  private final List<ActivityRecord> run = ActivityFileFixtures.ride(RUN_START, 30);
  private final byte[] runCsv =
      ActivityFileFixtures.csv(run, ZoneOffset.ofHours(-4), "running", null)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void fitAndCsvAreAcceptedAndTheirRecordsPublishedThenTheirMetadata() throws Exception {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              upload(
                  client,
                  form()
                      .addFormDataPart("files", "ride.fit", RequestBody.create(rideFit, OCTETS))
                      .addFormDataPart("files", "run.csv", RequestBody.create(runCsv, OCTETS)),
                  edge.tokenFor(ana));

          assertThat(response.code()).isEqualTo(202);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"file": "ride.fit", "id": "%s", "sport": "cycling",
                        "start": "2024-05-01T05:30:00Z", "end": "2024-05-01T05:31:59Z",
                        "records": 120, "duplicate": false},
                       {"file": "run.csv", "id": "%s", "sport": "running",
                        "start": "2024-05-03T17:00:00Z", "end": "2024-05-03T17:00:29Z",
                        "records": 30, "duplicate": false}]
                      """
                          .formatted(id(ana, rideFit), id(ana, runCsv))));
        });

    List<io.wearflow.schemas.activities.ActivityRecord> expected = new ArrayList<>();
    expected.addAll(avro(id(ana, rideFit), ana.id(), ride));
    expected.addAll(avro(id(ana, runCsv), ana.id(), run));
    assertThat(publisher.records).isEqualTo(expected);
    assertThat(publisher.activities)
        .containsExactly(
            new UploadedActivity(
                id(ana, rideFit),
                ana.id(),
                "cycling",
                sha256(rideFit),
                "fit",
                "ride.fit",
                RIDE_START,
                RIDE_START.plusSeconds(119),
                7200,
                120,
                List.of(
                    new LapBounds(RIDE_START, RIDE_START.plusSeconds(60)),
                    new LapBounds(RIDE_START.plusSeconds(60), RIDE_START.plusSeconds(120))),
                List.copyOf(ActivityFileFixtures.FIT_DEVICES),
                EdgeFixture.NOW),
            new UploadedActivity(
                id(ana, runCsv),
                ana.id(),
                "running",
                sha256(runCsv),
                "csv",
                "run.csv",
                RUN_START,
                RUN_START.plusSeconds(29),
                -4 * 3600,
                30,
                List.of(),
                List.of(),
                EdgeFixture.NOW));
    assertThat(files.rows.get(id(ana, rideFit)).publishedAt).isEqualTo(EdgeFixture.NOW);
    assertThat(files.rows.get(id(ana, runCsv)).file.content()).isEqualTo(runCsv);
  }

  @Test
  void theSameFileTwiceIsOneActivityPublishedOnce() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response first = uploadFile(client, "ride.fit", rideFit, ana);
          Response again =
              upload(
                  client,
                  form()
                      .addFormDataPart("files", "copy.fit", RequestBody.create(rideFit, OCTETS))
                      .addFormDataPart("files", "copy2.fit", RequestBody.create(rideFit, OCTETS)),
                  edge.tokenFor(ana));

          assertThat(first.code()).isEqualTo(202);
          assertThat(again.code()).isEqualTo(202);
          JsonNode results = edge.body(again);
          assertThat(results.findValuesAsText("id")).containsOnly(id(ana, rideFit));
          assertThat(results.findValuesAsText("duplicate")).containsExactly("true", "true");
        });
    assertThat(publisher.activities).hasSize(1);
    assertThat(publisher.records).hasSize(120);
    assertThat(files.rows).hasSize(1);
  }

  @Test
  void theSameFileFromAnotherAthleteIsAnotherActivity() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          uploadFile(client, "ride.fit", rideFit, ana);
          Response bobs = uploadFile(client, "ride.fit", rideFit, bob);

          JsonNode result = edge.body(bobs).get(0);
          assertThat(result.get("id").asText()).isEqualTo(id(bob, rideFit));
          assertThat(result.get("duplicate").asBoolean()).isFalse();
        });
    assertThat(id(bob, rideFit)).isNotEqualTo(id(ana, rideFit));
    assertThat(publisher.activities).hasSize(2);
  }

  @Test
  void aFitWithoutLocalTimeTakesTheProfileTimeZoneAtTheStart() {
    edge.timeZones.put(
        ana.id(),
        new DaySetting(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Europe/Berlin"), 0));
    byte[] noOffset = ActivityFileFixtures.fit(ride, List.of(), com.garmin.fit.Sport.CYCLING, null);

    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(uploadFile(client, "ride.fit", noOffset, ana).code()).isEqualTo(202));

    assertThat(publisher.activities.get(0).getLocalOffsetSeconds()).isEqualTo(7200);
    assertThat(files.rows.get(id(ana, noOffset)).file.localOffsetSeconds()).isEqualTo(7200);
  }

  @Test
  void everyInvalidFileIsListedAndNothingIsStoredOrPublished() throws Exception {
    byte[] corrupt = rideFit.clone();
    corrupt[corrupt.length / 2] ^= 0x5A;
    byte[] noTimestamps = "time,power\n2024-05-01T07:30:00+02:00,200\n".getBytes();

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              upload(
                  client,
                  form()
                      .addFormDataPart("files", "ok.fit", RequestBody.create(rideFit, OCTETS))
                      .addFormDataPart("files", "bad.fit", RequestBody.create(corrupt, OCTETS))
                      .addFormDataPart("files", "bad.csv", RequestBody.create(noTimestamps, OCTETS))
                      .addFormDataPart("sport", "cycling"),
                  edge.tokenFor(ana));

          assertThat(response.code()).isEqualTo(422);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"detail": [
                        {"loc": ["body", "files", 1],
                         "msg": "Corrupt or truncated FIT file: its size or CRC check failed",
                         "type": "value_error"},
                        {"loc": ["body", "files", 2, "line", 1, "timestamp"],
                         "msg": "The CSV file has no 'timestamp' column (ISO-8601 date-times with offset)",
                         "type": "missing"}]}
                      """));
        });
    assertThat(publisher.records).isEmpty();
    assertThat(publisher.activities).isEmpty();
    assertThat(files.rows).isEmpty();
  }

  @Test
  void anUnknownSportIsListedOnceWithTheFilesOtherErrors() throws Exception {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              upload(
                  client,
                  form()
                      .addFormDataPart(
                          "files", "a.csv", RequestBody.create("timestamp\n".getBytes(), OCTETS))
                      .addFormDataPart("files", "b.gpx", RequestBody.create(rideFit, OCTETS))
                      .addFormDataPart("sport", "curling"),
                  edge.tokenFor(ana));

          assertThat(response.code()).isEqualTo(422);
          JsonNode detail = edge.body(response).get("detail");
          assertThat(detail.findValuesAsText("type"))
              .containsExactly("enum", "value_error", "value_error");
          assertThat(detail.get(0).get("loc"))
              .isEqualTo(edge.json.readTree("[\"body\", \"sport\"]"));
          assertThat(detail.get(1).get("msg").asText())
              .isEqualTo("The CSV file contains no records");
          assertThat(detail.get(2).get("loc"))
              .isEqualTo(edge.json.readTree("[\"body\", \"files\", 1]"));
        });
    assertThat(publisher.activities).isEmpty();
    assertThat(files.rows).isEmpty();
  }

  @Test
  void elevenFilesNoFilesAndNonMultipartBodiesAre422AtBodyFiles() throws Exception {
    MultipartBody.Builder eleven = form();
    for (int i = 0; i < 11; i++) {
      eleven.addFormDataPart("files", i + ".fit", RequestBody.create(rideFit, OCTETS));
    }
    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(ana);
          Response tooMany = upload(client, eleven, token);
          Response none = upload(client, form().addFormDataPart("sport", "cycling"), token);
          Response json = Requests.postJson(client, UPLOAD, "{\"files\": []}", token);

          assertThat(tooMany.code()).isEqualTo(422);
          assertThat(edge.body(tooMany))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"detail": [{"loc": ["body", "files"],
                        "msg": "List should have at most 10 items after validation, not 11",
                        "type": "too_long"}]}
                      """));
          JsonNode missing =
              edge.json.readTree(
                  """
                  {"detail": [{"loc": ["body", "files"], "msg": "Field required",
                    "type": "missing"}]}
                  """);
          assertThat(none.code()).isEqualTo(422);
          assertThat(edge.body(none)).isEqualTo(missing);
          assertThat(json.code()).isEqualTo(422);
          assertThat(edge.body(json)).isEqualTo(missing);
        });
    assertThat(publisher.activities).isEmpty();
    assertThat(files.rows).isEmpty();
  }

  @Test
  void uploadsHaveTheirOwnLargerLimit() {
    edge.maxRequestBytes = 1024;
    maxUploadBytes = 1024 * 1024;
    assertThat(rideFit.length).isGreaterThan(1024);
    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(ana);
          Response upload = uploadFile(client, "ride.fit", rideFit, ana);
          String path = "/api/v1/activities/" + id(ana, rideFit) + "/app-metadata";
          Response metadata =
              Requests.putJson(client, path, "{\"k\": \"" + "x".repeat(2048) + "\"}", token);

          assertThat(upload.code()).isEqualTo(202);
          assertThat(metadata.code()).isEqualTo(413);
        });
  }

  @Test
  void aBodyOverTheRequestLimitIs413() {
    edge.maxRequestBytes = 1024;
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = uploadFile(client, "ride.fit", rideFit, ana);

          assertThat(response.code()).isEqualTo(413);
        });
    assertThat(publisher.activities).isEmpty();
  }

  @Test
  void whenKafkaIsDownTheUploadIs503UnpublishedAndARetryPublishes() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          publisher.unavailable = true;
          Response down = uploadFile(client, "ride.fit", rideFit, ana);

          assertThat(down.code()).isEqualTo(503);
          assertThat(down.header("Retry-After")).isEqualTo("5");
          assertThat(files.rows.get(id(ana, rideFit)).publishedAt).isNull();

          publisher.unavailable = false;
          Response retry = uploadFile(client, "ride.fit", rideFit, ana);

          assertThat(retry.code()).isEqualTo(202);
          assertThat(edge.body(retry).get(0).get("duplicate").asBoolean()).isFalse();
        });
    assertThat(publisher.activities).hasSize(1);
    assertThat(publisher.records).hasSize(120);
    assertThat(files.rows.get(id(ana, rideFit)).publishedAt).isEqualTo(EdgeFixture.NOW);
  }

  @Test
  void anIdempotencyKeyReplaysTheSameMultipartUploadAndRefusesAnotherBody() {
    MultipartBody body =
        form().addFormDataPart("files", "ride.fit", RequestBody.create(rideFit, OCTETS)).build();
    MultipartBody other =
        form().addFormDataPart("files", "run.csv", RequestBody.create(runCsv, OCTETS)).build();
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response first = keyed(client, body, "upload-1");
          Response replay = keyed(client, body, "upload-1");
          Response reused = keyed(client, other, "upload-1");

          assertThat(first.code()).isEqualTo(202);
          String firstBody = first.body().string();
          assertThat(replay.code()).isEqualTo(202);
          assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
          assertThat(replay.body().string()).isEqualTo(firstBody);
          assertThat(reused.code()).isEqualTo(422);
        });
    assertThat(publisher.activities).hasSize(1);
  }

  @Test
  void downloadReturnsTheOriginalBytesToItsOwnerOnly() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          uploadFile(client, "Ride é.fit", rideFit, ana);
          uploadFile(client, "run.csv", runCsv, ana);
          String path = "/api/v1/activities/" + id(ana, rideFit) + "/download";

          Response fit = Requests.get(client, path, edge.tokenFor(ana));
          Response csv =
              Requests.get(
                  client,
                  "/api/v1/activities/" + id(ana, runCsv) + "/download",
                  edge.tokenFor(ana));
          Response bobs = Requests.get(client, path, edge.tokenFor(bob));
          Response unknown =
              Requests.get(
                  client,
                  "/api/v1/activities/" + UUID.randomUUID() + "/download",
                  edge.tokenFor(ana));

          assertThat(fit.code()).isEqualTo(200);
          assertThat(fit.header("Content-Type")).isEqualTo("application/vnd.ant.fit");
          assertThat(fit.header("Content-Disposition"))
              .isEqualTo("attachment; filename=\"Ride _.fit\"; filename*=UTF-8''Ride%20%C3%A9.fit");
          assertThat(fit.body().bytes()).isEqualTo(rideFit);
          assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
          assertThat(csv.header("Content-Disposition"))
              .isEqualTo("attachment; filename=\"run.csv\"");
          assertThat(csv.body().bytes()).isEqualTo(runCsv);
          assertThat(bobs.code()).isEqualTo(404);
          assertThat(bobs.header("Content-Type")).startsWith("application/problem+json");
          assertThat(unknown.code()).isEqualTo(404);
        });
  }

  @Test
  void appMetadataIsStoredReturnedAndClearedByItsOwnerOnly() throws Exception {
    JavalinTest.test(
        app(),
        (server, client) -> {
          uploadFile(client, "ride.fit", rideFit, ana);
          String path = "/api/v1/activities/" + id(ana, rideFit) + "/app-metadata";
          String token = edge.tokenFor(ana);

          Response put =
              Requests.putJson(client, path, "{\"coach\": {\"rpe\": 7}, \"tags\": [1]}", token);
          Response notObject = Requests.putJson(client, path, "[1, 2]", token);
          Response bobsPut = Requests.putJson(client, path, "{}", edge.tokenFor(bob));
          Response bobsDelete = delete(client, path, edge.tokenFor(bob));
          String stored = files.rows.get(id(ana, rideFit)).appMetadata;
          Response deleted = delete(client, path, token);
          Response tooLarge =
              Requests.putJson(client, path, "{\"k\": \"" + "x".repeat(70 * 1024) + "\"}", token);

          assertThat(put.code()).isEqualTo(200);
          JsonNode answered = edge.body(put);
          assertThat(answered)
              .isEqualTo(edge.json.readTree("{\"coach\": {\"rpe\": 7}, \"tags\": [1]}"));
          assertThat(edge.json.readTree(stored)).isEqualTo(answered);
          assertThat(notObject.code()).isEqualTo(422);
          assertThat(edge.body(notObject))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"detail": [{"loc": ["body"], "msg": "Input should be a valid dictionary",
                        "type": "dict_type"}]}
                      """));
          assertThat(bobsPut.code()).isEqualTo(404);
          assertThat(bobsDelete.code()).isEqualTo(404);
          assertThat(deleted.code()).isEqualTo(204);
          assertThat(tooLarge.code()).isEqualTo(413);
        });
    assertThat(files.rows.get(id(ana, rideFit)).appMetadata).isNull();
  }

  private Javalin app() {
    if (edge.maxRequestBytes == EdgeFixture.MAX_REQUEST_BYTES) {
      edge.maxRequestBytes = 256 * 1024;
    }
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(
                new HttpConfig.Limits(
                    edge.maxRequestBytes,
                    maxUploadBytes > 0 ? maxUploadBytes : edge.maxRequestBytes))
            .withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    return HttpApp.create(
        new HttpDependencies(
                edge.accounts,
                edge.days,
                edge.timeZones,
                edge.publisher,
                edge.tokens,
                edge.passwords,
                edge.clock,
                config)
            .withActivityUploads(files, publisher));
  }

  private static MultipartBody.Builder form() {
    return new MultipartBody.Builder().setType(MultipartBody.FORM);
  }

  private Response uploadFile(HttpClient client, String name, byte[] content, Account who) {
    return upload(
        client,
        form().addFormDataPart("files", name, RequestBody.create(content, OCTETS)),
        edge.tokenFor(who));
  }

  private static Response upload(HttpClient client, MultipartBody.Builder form, String token) {
    return Requests.post(client, UPLOAD, form.build(), token);
  }

  private Response keyed(HttpClient client, MultipartBody body, String key) {
    return client.request(
        UPLOAD,
        b ->
            b.post(body)
                .header("Authorization", "Bearer " + edge.tokenFor(ana))
                .header("Idempotency-Key", key));
  }

  private static Response delete(HttpClient client, String path, String token) {
    return client.request(path, b -> b.delete().header("Authorization", "Bearer " + token));
  }

  /** The activity id as issue 5 defines it, computed here independently. */
  private static String id(Account who, byte[] content) {
    return UUID.nameUUIDFromBytes(
            ("wearflow-activity:" + who.id() + ":" + sha256(content))
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<io.wearflow.schemas.activities.ActivityRecord> avro(
      String activityId, long userId, List<ActivityRecord> records) {
    return records.stream()
        .map(
            r ->
                new io.wearflow.schemas.activities.ActivityRecord(
                    activityId,
                    userId,
                    r.timestamp(),
                    r.power(),
                    r.heartRate(),
                    r.speed(),
                    r.cadence(),
                    r.altitude(),
                    r.distance(),
                    r.temperature(),
                    r.coreTemperature(),
                    r.smo2()))
        .toList();
  }
}
