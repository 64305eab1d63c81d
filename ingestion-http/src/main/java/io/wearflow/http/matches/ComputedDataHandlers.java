package io.wearflow.http.matches;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.ComputedData;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.postgres.Timeframe;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.AthleteAccess;
import io.wearflow.http.controlplane.PathIds;
import io.wearflow.http.controlplane.PermissionPolicy;
import io.wearflow.http.controlplane.Permissions;
import io.wearflow.http.problem.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the metrics the timeframe job computes. A timeframe's computed data is readable by a
 * manager with a READ permission of its athlete whose window covers the timeframe's {@code
 * [start_time, end_time]}, and by the athlete himself (403 for anyone else, 404 for an unknown
 * timeframe or activity).
 *
 * <pre>
 * GET /v1/timeframes/{timeFrame}/computed-data/       200 the stored computed-data object;
 *                                                     404 while nothing is computed yet
 * GET /v1/timeframes/{timeFrame}/computed-data/stream 200 text/event-stream: "computed-data"
 *     events (data = the object, id = its updated_at in epoch ms) at once and on every change,
 *     then "final" after the final result or when the timeframe is deleted; ": keep-alive" every 15 s
 * GET /v1/activities/{activity}/computed-data/        200 [{"timeframe": id, "data": {...}}] of the
 *     activity's timeframes the caller may read that have results; 403 when the activity has
 *     timeframes and the caller may read none of them
 * </pre>
 */
final class ComputedDataHandlers {

  static final String TIMEFRAME_PATH = "/v1/timeframes/{timeFrame}/computed-data/";
  static final String STREAM_PATH = "/v1/timeframes/{timeFrame}/computed-data/stream";
  static final String ACTIVITY_PATH = "/v1/activities/{activity}/computed-data/";

  /** One timeframe's results in the activity's list. */
  record TimeframeData(long timeframe, @JsonRawValue String data) {}

  private final Timeframes timeframes;
  private final Activities activities;
  private final ComputedDataReads reads;
  private final ComputedDataStreams streams;
  private final AthleteAccess access;
  private final PermissionPolicy policy;
  private final Permissions permissions;

  ComputedDataHandlers(
      Timeframes timeframes,
      Activities activities,
      ComputedDataReads reads,
      ComputedDataStreams streams,
      PermissionPolicy policy,
      Permissions permissions) {
    this.timeframes = timeframes;
    this.activities = activities;
    this.reads = reads;
    this.streams = streams;
    this.access = new AthleteAccess(policy, permissions);
    this.policy = policy;
    this.permissions = permissions;
  }

  void ofTimeframe(Context ctx) {
    Timeframe timeframe = readable(ctx);
    Optional<ComputedData> data =
        reads.latest(List.of(timeframe.id())).getOrDefault(timeframe.id(), Optional.empty());
    ctx.contentType("application/json")
        .result(
            data.orElseThrow(
                    () ->
                        ApiException.notFound(
                            "Nothing is computed yet for timeframe " + timeframe.id() + "."))
                .data());
  }

  void ofActivity(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    long id = PathIds.id(ctx, "activity", "activity");
    Activity activity = activities.findById(id).orElseThrow(() -> ActivityHandlers.notFound(id));
    List<Timeframe> all = timeframes.ofActivity(activity.id());
    Map<Long, List<Permission>> granted = new HashMap<>();
    List<Long> visible =
        all.stream()
            .filter(
                t ->
                    policy.allows(
                        who,
                        PermissionKind.READ,
                        t.athleteId(),
                        t.startTime(),
                        t.endTime(),
                        granted.computeIfAbsent(t.athleteId(), athlete -> granted(who, athlete))))
            .map(Timeframe::id)
            .toList();
    if (!all.isEmpty() && visible.isEmpty()) {
      throw ApiException.forbidden(Callers.FORBIDDEN);
    }
    Map<Long, Optional<ComputedData>> latest = reads.latest(visible);
    ctx.json(
        visible.stream()
            .flatMap(t -> latest.getOrDefault(t, Optional.empty()).stream())
            .map(data -> new TimeframeData(data.timeframeId(), data.data()))
            .toList());
  }

  void stream(Context ctx) {
    Timeframe timeframe = readable(ctx);
    ctx.res().setStatus(200);
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setContentType("text/event-stream");
    ctx.res().addHeader("Cache-Control", "no-cache");
    ctx.res().addHeader("X-Accel-Buffering", "no");
    try {
      ctx.res().flushBuffer();
    } catch (java.io.IOException e) {
      return; // the client is already gone
    }
    SseClient client = new SseClient(ctx);
    client.keepAlive();
    ComputedDataStreams.Stream stream =
        streams.open(
            timeframe.id(),
            new ComputedDataStreams.Sink() {
              @Override
              public void event(ComputedDataFeed.Event event) {
                client.sendEvent(event.name(), event.data(), event.id());
              }

              @Override
              public void comment(String text) {
                client.sendComment(text);
              }

              @Override
              public void close() {
                client.close();
              }
            });
    client.onClose(stream::close);
    if (stream.ended()) {
      client.close();
    }
  }

  /** The timeframe of the path if the caller may read its computed data. */
  private Timeframe readable(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    long id = PathIds.id(ctx, "timeFrame", "timeframe");
    Timeframe timeframe = timeframes.findById(id).orElseThrow(() -> TimeframeHandlers.notFound(id));
    access.require(
        who,
        PermissionKind.READ,
        timeframe.athleteId(),
        timeframe.startTime(),
        timeframe.endTime());
    return timeframe;
  }

  private List<Permission> granted(Principal who, long athleteId) {
    return Role.MANAGER.dbValue().equals(who.role())
        ? permissions.between(athleteId, who.accountId())
        : List.of();
  }
}
