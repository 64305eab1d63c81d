package io.wearflow.http.matches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Timeframe;
import io.wearflow.connectors.postgres.TimeframeStore.Filter;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.AthleteAccess;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.controlplane.PathIds;
import io.wearflow.http.controlplane.QueryParameters;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manager's timeframes (token of a manager required, anyone else 403; a timeframe of another
 * manager 403, an unknown one 404). Creating or changing a timeframe for an athlete needs a WRITE
 * permission of that athlete whose window covers {@code [start_time, end_time]} (403 otherwise).
 *
 * <pre>
 * GET    /v1/timeframes/             200 Page of TimeframeView (the caller's own)
 *        page, limit, ordering (start_time|end_time|device|athlete|activity, '-' descending),
 *        device, athlete, owner, activity, start_time_from/_to, end_time_from/_to (inclusive),
 *        with_device, with_activity, with_athlete (embed the object instead of its id)
 * POST   /v1/timeframes/             201 TimeframeView
 * GET    /v1/timeframes/{timeFrame}/ 200 TimeframeView (with_device, with_activity, with_athlete)
 * PUT    /v1/timeframes/{timeFrame}/ 200 TimeframeView (whole replacement)
 * PATCH  /v1/timeframes/{timeFrame}/ 200 TimeframeView (only the fields sent change)
 * DELETE /v1/timeframes/{timeFrame}/ 204
 * </pre>
 */
final class TimeframeHandlers {

  static final String LIST_PATH = "/v1/timeframes/";
  static final String ITEM_PATH = "/v1/timeframes/{timeFrame}/";

  private static final Set<String> ORDERABLE =
      Set.of("start_time", "end_time", "device", "athlete", "activity");

  private final JsonRequestReader reader;
  private final TimeframeRequestValidator validator;
  private final Timeframes timeframes;
  private final Activities activities;
  private final Accounts accounts;
  private final AthleteAccess access;
  private final ObjectMapper mapper;

  TimeframeHandlers(
      JsonRequestReader reader,
      TimeframeRequestValidator validator,
      Timeframes timeframes,
      Activities activities,
      Accounts accounts,
      AthleteAccess access,
      ObjectMapper mapper) {
    this.reader = reader;
    this.validator = validator;
    this.timeframes = timeframes;
    this.activities = activities;
    this.accounts = accounts;
    this.access = access;
    this.mapper = mapper;
  }

  void list(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    Map<String, String> parameters = QueryParameters.of(ctx);
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(parameters, ORDERABLE, errors);
    QueryFilters filters = new QueryFilters(parameters, errors);
    Filter filter =
        new Filter(
            manager.accountId(),
            filters.id("device"),
            filters.id("athlete"),
            filters.id("owner"),
            filters.id("activity"),
            filters.dateTime("start_time_from"),
            filters.dateTime("start_time_to"),
            filters.dateTime("end_time_from"),
            filters.dateTime("end_time_to"));
    Embedder embedder = new Embedder(filters);
    errors.throwIfAny();
    long count = timeframes.count(filter);
    List<TimeframeView> results =
        timeframes
            .list(filter, query.orderBy(), query.descending(), query.offset(), query.limit())
            .stream()
            .map(embedder::view)
            .toList();
    ctx.json(Page.of(query, count, results));
  }

  void create(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    NewTimeframe timeframe = validator.validate(reader.read(ctx), manager.accountId());
    requireWrite(manager, timeframe);
    ctx.status(HttpStatus.CREATED).json(TimeframeView.of(timeframes.create(timeframe)));
  }

  void get(Context ctx) {
    Timeframe timeframe = owned(ctx);
    FieldErrors errors = new FieldErrors();
    Embedder embedder = new Embedder(new QueryFilters(QueryParameters.of(ctx), errors));
    errors.throwIfAny();
    ctx.json(embedder.view(timeframe));
  }

  void put(Context ctx) {
    Timeframe timeframe = owned(ctx);
    replace(ctx, timeframe, reader.read(ctx));
  }

  void patch(Context ctx) {
    Timeframe timeframe = owned(ctx);
    JsonNode body = reader.read(ctx);
    if (!body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    ObjectNode merged = requestShape(timeframe);
    body.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
    replace(ctx, timeframe, merged);
  }

  void delete(Context ctx) {
    Timeframe timeframe = owned(ctx);
    if (!timeframes.delete(timeframe.id())) {
      throw notFound(timeframe.id());
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void replace(Context ctx, Timeframe timeframe, JsonNode body) {
    Principal manager = Callers.requireManager(ctx);
    NewTimeframe replacement = validator.validate(body, manager.accountId());
    requireWrite(manager, replacement);
    Timeframe updated =
        timeframes.update(timeframe.id(), replacement).orElseThrow(() -> notFound(timeframe.id()));
    ctx.json(TimeframeView.of(updated));
  }

  private void requireWrite(Principal manager, NewTimeframe timeframe) {
    access.require(
        manager,
        PermissionKind.WRITE,
        timeframe.athleteId(),
        timeframe.startTime(),
        timeframe.endTime());
  }

  /** The stored timeframe as a request body would state it, for a partial update to overlay. */
  private ObjectNode requestShape(Timeframe t) {
    ObjectNode node = mapper.createObjectNode();
    node.put("start_time", t.startTime().toString());
    node.put("end_time", t.endTime().toString());
    try {
      node.set("params", mapper.readTree(t.params()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored params of timeframe " + t.id() + " are not JSON", e);
    }
    node.put("device", t.deviceId());
    if (t.activityId() == null) {
      node.putNull("activity");
    } else {
      node.put("activity", t.activityId());
    }
    node.put("athlete", t.athleteId());
    node.put("owner", t.ownerId());
    node.put("json_schema", t.jsonSchema());
    return node;
  }

  /** The timeframe of the path if the caller, a manager, owns it. */
  private Timeframe owned(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    long id = PathIds.id(ctx, "timeFrame", "timeframe");
    Timeframe timeframe = timeframes.findById(id).orElseThrow(() -> notFound(id));
    Callers.requireOwner(manager, timeframe.ownerId());
    return timeframe;
  }

  static ApiException notFound(long id) {
    return ApiException.notFound("No timeframe with id " + id + ".");
  }

  /** Embeds devices, activities and athletes as asked, reading each one once per request. */
  private final class Embedder {

    private final boolean withDevice;
    private final boolean withActivity;
    private final boolean withAthlete;
    private final Map<Long, Object> devices = new HashMap<>();
    private final Map<Long, Object> activityViews = new HashMap<>();
    private final Map<Long, Object> athletes = new HashMap<>();

    Embedder(QueryFilters filters) {
      withDevice = filters.flag("with_device");
      withActivity = filters.flag("with_activity");
      withAthlete = filters.flag("with_athlete");
    }

    TimeframeView view(Timeframe t) {
      TimeframeView view = TimeframeView.of(t);
      if (withDevice) {
        view =
            view.withDevice(
                devices.computeIfAbsent(
                    t.deviceId(),
                    id ->
                        timeframes
                            .device(id)
                            .<Object>map(TimeframeView.DeviceView::of)
                            .orElse(id)));
      }
      if (withActivity && t.activityId() != null) {
        view =
            view.withActivity(
                activityViews.computeIfAbsent(
                    t.activityId(),
                    id -> activities.findById(id).<Object>map(ActivityView::of).orElse(id)));
      }
      if (withAthlete) {
        view =
            view.withAthlete(
                athletes.computeIfAbsent(
                    t.athleteId(),
                    id ->
                        accounts
                            .findById(id)
                            .<Object>map(
                                a ->
                                    new TimeframeView.AthleteView(
                                        a.id(), a.username(), a.externalId()))
                            .orElse(id)));
      }
      return view;
    }
  }
}
