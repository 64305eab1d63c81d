package io.wearflow.http.webhooks;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.connectors.postgres.Webhook;
import io.wearflow.connectors.postgres.WebhookSettings;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An activity's webhooks, for the activity's owner only (anyone else 403; an unknown activity or a
 * webhook of another activity 404).
 *
 * <pre>
 * GET    /v1/activities/{activity}/webhooks/                         200 Page of WebhookView
 * POST   /v1/activities/{activity}/webhooks/                         200 WebhookView (as the reference)
 * GET    /v1/activities/{activity}/webhooks/{webhook}/               200 WebhookView
 * PUT    /v1/activities/{activity}/webhooks/{webhook}/               200 WebhookView
 * DELETE /v1/activities/{activity}/webhooks/{webhook}/               204
 * GET    /v1/activities/{activity}/webhooks/{webhook}/deliveries/    200 Page of DeliveryView, newest first
 * </pre>
 *
 * The secret token is never answered in full, not even right after it was set.
 */
public final class WebhookHandlers {

  static final String LIST_PATH = "/v1/activities/{activity}/webhooks/";
  static final String ITEM_PATH = LIST_PATH + "{webhook}/";
  static final String DELIVERIES_PATH = ITEM_PATH + "deliveries/";
  static final String FORBIDDEN = "You do not have permission to perform this action.";

  private final JsonRequestReader reader;
  private final Webhooks webhooks;
  private final WebhookRequestValidator validator = new WebhookRequestValidator();

  WebhookHandlers(JsonRequestReader reader, Webhooks webhooks) {
    this.reader = reader;
    this.webhooks = webhooks;
  }

  /** Registers the routes above. */
  public static void register(
      JavalinDefaultRouting router, JsonRequestReader reader, Webhooks webhooks) {
    WebhookHandlers handlers = new WebhookHandlers(reader, webhooks);
    router.get(LIST_PATH, handlers::list, Access.AUTHENTICATED);
    router.post(LIST_PATH, handlers::create, Access.AUTHENTICATED);
    router.get(ITEM_PATH, handlers::get, Access.AUTHENTICATED);
    router.put(ITEM_PATH, handlers::update, Access.AUTHENTICATED);
    router.delete(ITEM_PATH, handlers::delete, Access.AUTHENTICATED);
    router.get(DELIVERIES_PATH, handlers::deliveries, Access.AUTHENTICATED);
  }

  void list(Context ctx) {
    long activity = ownedActivity(ctx);
    ListQuery query = listQuery(ctx);
    List<WebhookView> results =
        webhooks.list(activity, query.offset(), query.limit()).stream()
            .map(WebhookView::of)
            .toList();
    ctx.json(Page.of(query, webhooks.count(activity), results));
  }

  void create(Context ctx) {
    long activity = ownedActivity(ctx);
    WebhookSettings settings = validator.validate(reader.read(ctx));
    ctx.status(HttpStatus.OK).json(WebhookView.of(webhooks.create(activity, settings)));
  }

  void get(Context ctx) {
    long activity = ownedActivity(ctx);
    ctx.json(WebhookView.of(webhook(ctx, activity)));
  }

  void update(Context ctx) {
    long activity = ownedActivity(ctx);
    long id = id(ctx, "webhook", "webhook");
    WebhookSettings settings = validator.validate(reader.read(ctx));
    Webhook updated =
        webhooks.update(activity, id, settings).orElseThrow(() -> noWebhook(activity, id));
    ctx.json(WebhookView.of(updated));
  }

  void delete(Context ctx) {
    long activity = ownedActivity(ctx);
    long id = id(ctx, "webhook", "webhook");
    if (!webhooks.delete(activity, id)) {
      throw noWebhook(activity, id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void deliveries(Context ctx) {
    long activity = ownedActivity(ctx);
    Webhook webhook = webhook(ctx, activity);
    ListQuery query = listQuery(ctx);
    List<DeliveryView> results =
        webhooks.deliveries(webhook.id(), query.offset(), query.limit()).stream()
            .map(DeliveryView::of)
            .toList();
    ctx.json(Page.of(query, webhooks.countDeliveries(webhook.id()), results));
  }

  private long ownedActivity(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    long activity = id(ctx, "activity", "activity");
    long owner =
        webhooks
            .activityOwner(activity)
            .orElseThrow(() -> ApiException.notFound("No activity with id " + activity + "."));
    if (owner != who.accountId()) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    return activity;
  }

  private Webhook webhook(Context ctx, long activity) {
    long id = id(ctx, "webhook", "webhook");
    return webhooks.find(activity, id).orElseThrow(() -> noWebhook(activity, id));
  }

  private static ApiException noWebhook(long activity, long id) {
    return ApiException.notFound("No webhook " + id + " of activity " + activity + ".");
  }

  private static ListQuery listQuery(Context ctx) {
    Map<String, String> first = new HashMap<>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                first.put(name, values.get(0));
              }
            });
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(first, Set.of(), errors);
    errors.throwIfAny();
    return query;
  }

  private static long id(Context ctx, String parameter, String what) {
    String value = ctx.pathParam(parameter);
    if (value.matches("[0-9]{1,18}") && Long.parseLong(value) > 0) {
      return Long.parseLong(value);
    }
    throw ApiException.notFound("No " + what + " with id '" + value + "'.");
  }
}
