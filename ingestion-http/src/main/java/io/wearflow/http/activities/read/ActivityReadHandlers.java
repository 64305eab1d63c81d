package io.wearflow.http.activities.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wearflow.connectors.postgres.RecordedActivity;
import io.wearflow.connectors.postgres.RecordedActivityStore.Awd;
import io.wearflow.connectors.postgres.RecordedActivityStore.ListFilter;
import io.wearflow.connectors.postgres.RecordedActivityStore.MeanMaxCurve;
import io.wearflow.connectors.postgres.RecordedActivityStore.Series;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.problem.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-activity reads of the recorded-activities API, for the token's own activities only
 * (another user's or an unknown id: 404).
 *
 * <pre>
 * GET /api/v1/activities/                 200 [ActivitySummary], newest start first;
 *     sport (repeatable or comma-separated), start/end (date: the activity's local start date;
 *     date-time: its start instant; both inclusive), tags (repeatable; the activity has all),
 *     limit (1..1000, default 50), offset (>= 0); headers X-Total-Count and Link rel="next"
 * GET /api/v1/activities/latest           200 ActivityDetails of the newest (sport filter), or 404
 * GET /api/v1/activities/{activity_id}    200 ActivityDetails
 * GET .../{activity_id}/data              200 {"duration": [0, 1, ...], "power": [...], ...}
 * GET .../{activity_id}/mean-max          200 {"metric", "unit", "mean_max": [{duration, value, start}]}
 * GET .../{activity_id}/accumulated-work-duration
 *                                         200 {"metric", "unit", "level_step", "awd": [{level, seconds}]}
 * </pre>
 */
final class ActivityReadHandlers {

  static final String LIST_PATH = "/api/v1/activities/";
  static final String LATEST_PATH = "/api/v1/activities/latest";
  static final String ITEM_PATH = "/api/v1/activities/{activity_id}";
  static final String DATA_PATH = "/api/v1/activities/{activity_id}/data";
  static final String MEAN_MAX_PATH = "/api/v1/activities/{activity_id}/mean-max";
  static final String AWD_PATH = "/api/v1/activities/{activity_id}/accumulated-work-duration";

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  static final List<Metric> DEFAULT_DATA_METRICS =
      List.of(Metric.POWER, Metric.SPEED, Metric.HEART_RATE);

  private final RecordedActivities activities;
  private final ActivityJson json;
  private final ObjectMapper mapper;

  ActivityReadHandlers(RecordedActivities activities, ObjectMapper mapper) {
    this.activities = activities;
    this.mapper = mapper;
    this.json = new ActivityJson(mapper);
  }

  void list(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    List<String> sports = query.sports();
    DateBound start = query.dateBound("start");
    DateBound end = query.dateBound("end");
    List<String> tags = query.repeated("tags");
    int limit = query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = query.integer("offset", 0, 0, Integer.MAX_VALUE);
    query.throwIfAny();
    ListFilter filter =
        new ListFilter(
            sports,
            start == null ? null : start.instant(),
            end == null ? null : end.instant(),
            start == null ? null : start.date(),
            end == null ? null : end.date(),
            tags);
    long total = activities.count(user, filter);
    ArrayNode page = mapper.createArrayNode();
    activities.list(user, filter, offset, limit).forEach(a -> page.add(json.summary(a)));
    ctx.header("X-Total-Count", Long.toString(total));
    if (offset + (long) limit < total) {
      ctx.header("Link", "<" + nextPage(ctx, offset + limit) + ">; rel=\"next\"");
    }
    ctx.json(page);
  }

  void latest(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    List<String> sports = query.sports();
    query.throwIfAny();
    ListFilter filter = new ListFilter(sports, null, null, null, null, null);
    RecordedActivity latest =
        activities.list(user, filter, 0, 1).stream()
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("No recorded activity found."));
    ctx.json(json.details(latest));
  }

  void get(Context ctx) {
    ctx.json(json.details(owned(ctx)));
  }

  void data(Context ctx) {
    RecordedActivity activity = owned(ctx);
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    List<Metric> asked = query.metrics("metrics", DEFAULT_DATA_METRICS);
    boolean adaptive = query.bool("adaptive_sampling_on", false);
    query.throwIfAny();
    List<Metric> recorded =
        asked.stream().filter(m -> activity.metrics().contains(m.wireName())).toList();
    Map<String, Series> series =
        activities.series(
            activity.userId(), activity.id(), recorded.stream().map(Metric::wireName).toList());
    SecondColumns columns = SecondColumns.of(activity.start(), series, recorded);
    int[] rows = columns.rows(adaptive);
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode duration = answer.putArray(Metric.DURATION);
    for (int row : rows) {
      duration.add(row);
    }
    columns
        .values()
        .forEach(
            (metric, values) -> {
              ArrayNode column = answer.putArray(metric.wireName());
              for (int row : rows) {
                if (Double.isNaN(values[row])) {
                  column.addNull();
                } else {
                  column.add(values[row]);
                }
              }
            });
    ctx.json(answer);
  }

  void meanMax(Context ctx) {
    RecordedActivity activity = owned(ctx);
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    Metric asked = query.metric("metric");
    List<Integer> durations = query.durations("durations");
    boolean adaptive = query.bool("adaptive_sampling", false);
    query.throwIfAny();
    Metric metric = asked != null ? asked : powerElseSpeed(activity);
    MeanMaxCurve curve =
        (recordsCurves(activity, metric)
                ? activities.meanMax(activity.userId(), activity.id(), metric.wireName())
                : Optional.<MeanMaxCurve>empty())
            .orElseThrow(() -> noCurve(activity, metric, "mean-max curve"));
    int length = curve.best().length;
    List<Integer> grid =
        durations != null
            ? durations
            : adaptive ? DurationGrid.logSpaced(length) : DurationGrid.everySecond(length);
    ObjectNode answer = header(metric);
    ArrayNode points = answer.putArray("mean_max");
    for (int d : grid) {
      if (d > length || Double.isNaN(curve.best()[d - 1])) {
        continue; // longer than the activity, or no complete window of that length
      }
      points
          .addObject()
          .put("duration", d)
          .put("value", curve.best()[d - 1])
          .put("start", Instant.ofEpochSecond(curve.bestStart()[d - 1]).toString());
    }
    ctx.json(answer);
  }

  void accumulatedWorkDuration(Context ctx) {
    RecordedActivity activity = owned(ctx);
    ActivityQuery query = new ActivityQuery(ctx.queryParamMap());
    Metric asked = query.metric("metric");
    query.throwIfAny();
    Metric metric =
        asked != null ? asked : "cycling".equals(activity.sport()) ? Metric.POWER : Metric.SPEED;
    Awd awd =
        (recordsCurves(activity, metric)
                ? activities.awd(activity.userId(), activity.id(), metric.wireName())
                : Optional.<Awd>empty())
            .orElseThrow(() -> noCurve(activity, metric, "accumulated work duration"));
    ObjectNode answer = header(metric);
    answer.put("level_step", awd.levelStep());
    ArrayNode levels = answer.putArray("awd");
    long[] seconds = awd.secondsAtOrAbove();
    for (int k = 0; k < seconds.length; k++) {
      levels
          .addObject()
          .put("level", Math.round(k * awd.levelStep() * 1e6) / 1e6)
          .put("seconds", seconds[k]);
    }
    ctx.json(answer);
  }

  private ObjectNode header(Metric metric) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("metric", metric.wireName());
    answer.put("unit", metric.unit());
    return answer;
  }

  /** The activity of the path if it is the caller's and visible. */
  private RecordedActivity owned(Context ctx) {
    long user = BearerAuthenticator.principal(ctx).accountId();
    String id = ctx.pathParam("activity_id");
    return activities.find(user, id).orElseThrow(() -> notFound(id));
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("Activity " + id + " not found.");
  }

  private static Metric powerElseSpeed(RecordedActivity activity) {
    return activity.metrics().contains(Metric.POWER.wireName()) ? Metric.POWER : Metric.SPEED;
  }

  private static boolean recordsCurves(RecordedActivity activity, Metric metric) {
    return metric.hasCurves() && activity.metrics().contains(metric.wireName());
  }

  private static ApiException noCurve(RecordedActivity activity, Metric metric, String what) {
    return ApiException.notFound(
        "Activity " + activity.id() + " has no " + what + " for " + metric.wireName() + ".");
  }

  /** The same request URL with another offset. */
  private static String nextPage(Context ctx, long offset) {
    StringBuilder url = new StringBuilder(ctx.path()).append("?");
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("offset")) {
                values.forEach(
                    v -> url.append(encode(name)).append('=').append(encode(v)).append('&'));
              }
            });
    return url.append("offset=").append(offset).toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
