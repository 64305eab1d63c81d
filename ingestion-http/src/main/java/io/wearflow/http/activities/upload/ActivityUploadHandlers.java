package io.wearflow.http.activities.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.connectors.postgres.StoredActivityFile;
import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import io.wearflow.http.activities.files.ActivityFileParser;
import io.wearflow.http.activities.files.ParsedActivity;
import io.wearflow.http.activities.files.Sport;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import io.wearflow.http.timezone.DaySettings;
import io.wearflow.http.timezone.TimeZones;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of the recorded-activities API (token required; the token's account is the athlete;
 * another user's or an unknown activity is 404):
 *
 * <pre>
 * POST   /api/v1/activities/upload                    202 [{file, id, sport, start, end, records,
 *        multipart/form-data: files (1..10), sport         duplicate}] in request order
 * GET    /api/v1/activities/{activity_id}/download    200 the original file
 * PUT    /api/v1/activities/{activity_id}/app-metadata  200 the stored JSON object (at most 64 KiB)
 * DELETE /api/v1/activities/{activity_id}/app-metadata  204
 * </pre>
 *
 * An upload is all or nothing at validation: if any file is invalid, the answer is 422 {@code
 * {"detail": [...]}} with every file's errors and nothing is stored or published. Valid files are
 * then handled one by one in request order: the original is stored ({@code activity_files}), its
 * records and then its metadata are published and acknowledged, and only then is the row marked
 * published; a file whose row is already marked is a duplicate and publishes nothing. When Kafka
 * fails the answer is 503 and the files before the failing one stay published (uploading the same
 * files again publishes the rest and reports the others as duplicates).
 */
public final class ActivityUploadHandlers {

  public static final String UPLOAD_PATH = "/api/v1/activities/upload";
  public static final String DOWNLOAD_PATH = "/api/v1/activities/{activity_id}/download";
  public static final String APP_METADATA_PATH = "/api/v1/activities/{activity_id}/app-metadata";

  /** Largest app-metadata document, bytes of JSON. */
  public static final int MAX_APP_METADATA_BYTES = 64 * 1024;

  private static final List<Object> SPORT_LOC = List.of("body", "sport");

  private final JsonRequestReader reader;
  private final ActivityFiles files;
  private final ActivityPublisher publisher;
  private final TimeZones timeZones;
  private final Clock clock;
  private final ObjectMapper mapper;

  ActivityUploadHandlers(
      JsonRequestReader reader,
      ActivityFiles files,
      ActivityPublisher publisher,
      TimeZones timeZones,
      Clock clock,
      ObjectMapper mapper) {
    this.reader = reader;
    this.files = files;
    this.publisher = publisher;
    this.timeZones = timeZones;
    this.clock = clock;
    this.mapper = mapper;
  }

  /** Registers the upload, download and app-metadata routes. */
  public static void register(
      JavalinDefaultRouting router,
      JsonRequestReader reader,
      ActivityFiles files,
      ActivityPublisher publisher,
      TimeZones timeZones,
      Clock clock,
      ObjectMapper mapper) {
    ActivityUploadHandlers handlers =
        new ActivityUploadHandlers(reader, files, publisher, timeZones, clock, mapper);
    router.post(UPLOAD_PATH, handlers::upload, Access.AUTHENTICATED);
    router.get(DOWNLOAD_PATH, handlers::download, Access.AUTHENTICATED);
    router.put(APP_METADATA_PATH, handlers::putAppMetadata, Access.AUTHENTICATED);
    router.delete(APP_METADATA_PATH, handlers::deleteAppMetadata, Access.AUTHENTICATED);
  }

  void upload(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    byte[] body = reader.body(ctx);
    String encoding = ctx.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      throw ApiException.unsupportedContentEncoding(encoding);
    }
    UploadForm form = UploadForm.read(ctx.header("Content-Type"), body);
    List<PreparedActivity> prepared = prepare(userId, form);
    List<Map<String, Object>> results = new ArrayList<>(prepared.size());
    for (PreparedActivity activity : prepared) {
      boolean duplicate = !files.register(activity.toFile()).needsPublishing();
      if (!duplicate) {
        Instant now = clock.instant();
        publisher.publish(activity.toAvroRecords(), activity.toUploadedActivity(now));
        files.markPublished(activity.activityId(), now);
      }
      results.add(result(activity, duplicate));
    }
    ctx.status(HttpStatus.ACCEPTED).json(results);
  }

  /**
   * Parses every file, collecting every file's errors before failing. An error listed already (a
   * missing sport for two CSV files) is listed once; with an invalid {@code sport} field, the
   * files' own complaints about the sport are left out.
   */
  private List<PreparedActivity> prepare(long userId, UploadForm form) {
    Set<ActivityValidationError> errors = new LinkedHashSet<>();
    int total = 0;
    Sport sport = null;
    boolean sportInvalid = false;
    try {
      sport = ActivityFileParser.sport(form.sport());
    } catch (ActivityValidationException e) {
      errors.addAll(e.errors());
      total += e.total();
      sportInvalid = true;
    }
    DaySettings settings = null;
    List<PreparedActivity> prepared = new ArrayList<>();
    for (int i = 0; i < form.files().size(); i++) {
      MultipartForm.Part file = form.files().get(i);
      try {
        ParsedActivity parsed = ActivityFileParser.parse(i, file.fileName(), file.content(), sport);
        if (errors.isEmpty()) {
          if (settings == null) {
            settings = timeZones.settings(userId);
          }
          prepared.add(
              PreparedActivity.of(userId, file.fileName(), file.content(), parsed, settings));
        }
      } catch (ActivityValidationException e) {
        for (ActivityValidationError error : e.errors()) {
          boolean aboutSport = error.loc().equals(SPORT_LOC);
          if (!(sportInvalid && aboutSport) && errors.add(error)) {
            total++;
          }
        }
        total += e.total() - e.errors().size();
      }
    }
    if (!errors.isEmpty()) {
      throw new ActivityValidationException(List.copyOf(errors), total);
    }
    return prepared;
  }

  private static Map<String, Object> result(PreparedActivity activity, boolean duplicate) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", activity.fileName());
    result.put("id", activity.activityId());
    result.put("sport", activity.sport());
    result.put("start", activity.start().toString());
    result.put("end", activity.end().toString());
    result.put("records", activity.records().size());
    result.put("duplicate", duplicate);
    return result;
  }

  void download(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    String id = ctx.pathParam("activity_id");
    StoredActivityFile file = files.original(userId, id).orElseThrow(() -> notFound(id));
    ctx.contentType(
            "fit".equals(file.fileFormat()) ? "application/vnd.ant.fit" : "text/csv; charset=utf-8")
        .header("Content-Disposition", ContentDisposition.attachment(file.fileName()))
        .result(file.content());
  }

  void putAppMetadata(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    String id = ctx.pathParam("activity_id");
    if (reader.body(ctx).length > MAX_APP_METADATA_BYTES) {
      throw ApiException.payloadTooLarge(MAX_APP_METADATA_BYTES);
    }
    JsonNode document;
    try {
      document = reader.read(ctx);
    } catch (ValidationException e) {
      throw inDetailShape(e); // a NUL character: a validation error of this API's shape
    }
    if (!document.isObject()) {
      throw ActivityValidationException.of(
          List.of("body"), "Input should be a valid dictionary", "dict_type");
    }
    String stored;
    try {
      stored =
          files
              .putAppMetadata(userId, id, mapper.writeValueAsString(document))
              .orElseThrow(() -> notFound(id));
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException("cannot render a parsed JSON document", impossible);
    }
    ctx.contentType("application/json").result(stored.getBytes(StandardCharsets.UTF_8));
  }

  void deleteAppMetadata(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    String id = ctx.pathParam("activity_id");
    if (!files.clearAppMetadata(userId, id)) {
      throw notFound(id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The reader's field errors (JSON pointers into the body) as this API's {@code loc} errors. */
  private static ActivityValidationException inDetailShape(ValidationException e) {
    List<ActivityValidationError> errors = new ArrayList<>();
    for (FieldError error : e.errors()) {
      List<Object> loc = new ArrayList<>(List.of("body"));
      if (!error.pointer().isEmpty()) {
        for (String token : error.pointer().substring(1).split("/", -1)) {
          loc.add(token.replace("~1", "/").replace("~0", "~"));
        }
      }
      errors.add(new ActivityValidationError(loc, error.reason(), "value_error"));
    }
    return new ActivityValidationException(errors, errors.size());
  }

  private static ApiException notFound(String id) {
    String shown = id.length() <= 64 ? id : id.substring(0, 64) + "...";
    return ApiException.notFound("No activity with id '" + shown + "'.");
  }
}
