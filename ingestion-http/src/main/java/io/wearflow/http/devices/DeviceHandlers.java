package io.wearflow.http.devices;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.DeviceInUseException;
import io.wearflow.connectors.postgres.DeviceStore.Filter;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.controlplane.PathIds;
import io.wearflow.http.controlplane.QueryParameters;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manager's devices and their tracking frames (token of a manager required, anyone else 403; a
 * device of another manager is not found, 404).
 *
 * <pre>
 * GET    /v1/devices/                  200 Page of DeviceView
 *        page, limit, ordering (id|name, '-' for descending; default id), search (part of the name,
 *        external id or model, any case), name (part of the name, any case)
 * POST   /v1/devices/                  201 DeviceView; body {name, external_id, model}
 * GET    /v1/devices/{device}/         200 DeviceView
 * PUT    /v1/devices/{device}/         200 DeviceView; the whole body again
 * DELETE /v1/devices/{device}/         204; 409 while timeframes reference the device
 * POST   /v1/devices/{device}/frames   202 {"accepted": N} once Kafka acknowledged every frame
 * </pre>
 *
 * The frames route checks ownership through {@link DeviceOwnership} (a confirmed ownership is
 * reused for 2 s; this instance's own deletes and replaces forget it at once).
 */
final class DeviceHandlers {

  static final String LIST_PATH = "/v1/devices/";
  static final String ITEM_PATH = "/v1/devices/{device}/";
  static final String FRAMES_PATH = "/v1/devices/{device}/frames";

  static final String FORBIDDEN = "You do not have permission to perform this action.";
  private static final String MANAGER = "manager";
  private static final Set<String> ORDERABLE = Set.of("id", "name");

  private final JsonRequestReader reader;
  private final Devices devices;
  private final DeviceOwnership ownership;
  private final TrackingFramesValidator validator;
  private final TrackingPublisher publisher;
  private final Clock clock;

  DeviceHandlers(
      JsonRequestReader reader,
      Devices devices,
      TrackingFramesValidator validator,
      TrackingPublisher publisher,
      Clock clock) {
    this.reader = reader;
    this.devices = devices;
    this.ownership = new DeviceOwnership(devices);
    this.validator = validator;
    this.publisher = publisher;
    this.clock = clock;
  }

  void list(Context ctx) {
    long owner = requireManager(ctx);
    Map<String, String> parameters = QueryParameters.of(ctx);
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(parameters, ORDERABLE, errors);
    errors.throwIfAny();
    Filter filter =
        new Filter(nonBlank(parameters.get("search")), nonBlank(parameters.get("name")));
    long count = devices.count(owner, filter);
    List<DeviceView> results =
        devices
            .list(owner, filter, query.orderBy(), query.descending(), query.offset(), query.limit())
            .stream()
            .map(DeviceView::of)
            .toList();
    ctx.json(Page.of(query, count, results));
  }

  void create(Context ctx) {
    long owner = requireManager(ctx);
    DeviceDetails details = DeviceRequest.parse(reader.read(ctx));
    ctx.status(HttpStatus.CREATED).json(DeviceView.of(devices.create(owner, details)));
  }

  void get(Context ctx) {
    long owner = requireManager(ctx);
    ctx.json(DeviceView.of(owned(ctx, owner)));
  }

  void replace(Context ctx) {
    long owner = requireManager(ctx);
    long id = deviceId(ctx);
    DeviceDetails details = DeviceRequest.parse(reader.read(ctx));
    Device replaced;
    try {
      replaced = devices.replace(owner, id, details).orElseThrow(() -> notFound(id));
    } finally {
      ownership.forget(id);
    }
    ctx.json(DeviceView.of(replaced));
  }

  void delete(Context ctx) {
    long owner = requireManager(ctx);
    long id = deviceId(ctx);
    boolean deleted;
    try {
      deleted = devices.delete(owner, id);
    } catch (DeviceInUseException e) {
      throw ApiException.conflict(
          "Device " + id + " is still used by timeframes; delete or move them first.",
          new FieldError("", "is referenced by timeframes"));
    } finally {
      ownership.forget(id);
    }
    if (!deleted) {
      throw notFound(id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void postFrames(Context ctx) {
    long owner = requireManager(ctx);
    long id = deviceId(ctx);
    if (!ownership.owns(owner, id)) {
      throw notFound(id);
    }
    List<TrackingFrame> frames = validator.validate(reader.read(ctx), id, clock.instant());
    publisher.publish(frames);
    ctx.status(HttpStatus.ACCEPTED).json(Map.of("accepted", frames.size()));
  }

  private Device owned(Context ctx, long owner) {
    long id = deviceId(ctx);
    return devices.findOwned(owner, id).orElseThrow(() -> notFound(id));
  }

  private static long deviceId(Context ctx) {
    return PathIds.id(ctx, "device", "device");
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No device with id '" + id + "'.");
  }

  private static long requireManager(Context ctx) {
    Principal principal = BearerAuthenticator.principal(ctx);
    if (!MANAGER.equals(principal.role())) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    return principal.accountId();
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
