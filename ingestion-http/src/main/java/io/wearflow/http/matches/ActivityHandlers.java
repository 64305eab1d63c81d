package io.wearflow.http.matches;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.ActivityStore.Filter;
import io.wearflow.connectors.postgres.NewActivity;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.controlplane.PathIds;
import io.wearflow.http.controlplane.QueryParameters;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manager's activities (token of a manager required, anyone else 403; an activity of another
 * manager 403, an unknown one 404).
 *
 * <pre>
 * GET    /v1/activities/            200 Page of ActivityView (the caller's own)
 *        page, limit, ordering (name, -name), search (name or json), name, owner
 * POST   /v1/activities/            201 ActivityView
 * GET    /v1/activities/{activity}/ 200 ActivityView
 * PUT    /v1/activities/{activity}/ 200 ActivityView (its timeframes are recomputed)
 * DELETE /v1/activities/{activity}/ 204 (its timeframes and webhooks too)
 * </pre>
 */
final class ActivityHandlers {

  static final String LIST_PATH = "/v1/activities/";
  static final String ITEM_PATH = "/v1/activities/{activity}/";

  private static final Set<String> ORDERABLE = Set.of("name");

  private final JsonRequestReader reader;
  private final ActivityRequestValidator validator;
  private final Activities activities;

  ActivityHandlers(
      JsonRequestReader reader, ActivityRequestValidator validator, Activities activities) {
    this.reader = reader;
    this.validator = validator;
    this.activities = activities;
  }

  void list(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    Map<String, String> parameters = QueryParameters.of(ctx);
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(parameters, ORDERABLE, errors);
    QueryFilters filters = new QueryFilters(parameters, errors);
    Filter filter =
        new Filter(
            manager.accountId(), filters.text("search"), filters.text("name"), filters.id("owner"));
    errors.throwIfAny();
    long count = activities.count(filter);
    List<ActivityView> results =
        activities
            .list(filter, query.orderBy(), query.descending(), query.offset(), query.limit())
            .stream()
            .map(ActivityView::of)
            .toList();
    ctx.json(Page.of(query, count, results));
  }

  void create(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    NewActivity activity = validator.validate(reader.read(ctx), manager.accountId());
    ctx.status(HttpStatus.CREATED).json(ActivityView.of(activities.create(activity)));
  }

  void get(Context ctx) {
    ctx.json(ActivityView.of(owned(ctx)));
  }

  void update(Context ctx) {
    Activity activity = owned(ctx);
    NewActivity replacement =
        validator.validate(reader.read(ctx), Callers.requireManager(ctx).accountId());
    Activity updated =
        activities.update(activity.id(), replacement).orElseThrow(() -> notFound(activity.id()));
    ctx.json(ActivityView.of(updated));
  }

  void delete(Context ctx) {
    Activity activity = owned(ctx);
    if (!activities.delete(activity.id())) {
      throw notFound(activity.id());
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The activity of the path if the caller, a manager, owns it. */
  private Activity owned(Context ctx) {
    Principal manager = Callers.requireManager(ctx);
    long id = PathIds.id(ctx, "activity", "activity");
    Activity activity = activities.findById(id).orElseThrow(() -> notFound(id));
    Callers.requireOwner(manager, activity.ownerId());
    return activity;
  }

  static ApiException notFound(long id) {
    return ApiException.notFound("No activity with id " + id + ".");
  }
}
