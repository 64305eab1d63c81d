package io.wearflow.http.activities.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wearflow.connectors.postgres.RecordedActivityStore.BackfillProgress;
import io.wearflow.http.activities.read.RecordedActivities.BackfillTiming;
import io.wearflow.http.auth.BearerAuthenticator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/activities/backfill-status}: {@code application/x-ndjson}, one line {@code
 * {"backfill_loaded_until": instant or null, "activities_uploaded": n, "activities_loaded": m}}
 * right away and then every {@link BackfillTiming#interval()} (2 s), ending after the line where
 * every published upload is loaded or once {@link BackfillTiming#limit()} (60 s) has passed; a
 * database failure writes {@code {"error": "..."}} and ends. The request is asynchronous: between
 * lines no Jetty thread waits, a shared scheduler thread writes the next line.
 */
final class BackfillStatusStream {

  static final String PATH = "/api/v1/activities/backfill-status";
  static final String CONTENT_TYPE = "application/x-ndjson";

  private static final Logger LOG = LoggerFactory.getLogger(BackfillStatusStream.class);
  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "backfill-status");
            thread.setDaemon(true);
            return thread;
          });

  private final RecordedActivities activities;
  private final ObjectMapper mapper;

  BackfillStatusStream(RecordedActivities activities, ObjectMapper mapper) {
    this.activities = activities;
    this.mapper = mapper;
  }

  void stream(Context ctx) throws IOException {
    long user = BearerAuthenticator.principal(ctx).accountId();
    BackfillTiming timing = activities.backfillTiming();
    ctx.res().setStatus(200);
    ctx.res().setContentType(CONTENT_TYPE);
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().addHeader("Cache-Control", "no-cache");
    ctx.res().addHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    long deadline = System.nanoTime() + timing.limit().toNanos();
    ctx.future(
        () -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          SCHEDULER.execute(() -> tick(user, out, deadline, timing, done));
          return done;
        });
  }

  private void tick(
      long user,
      OutputStream out,
      long deadline,
      BackfillTiming timing,
      CompletableFuture<Void> done) {
    boolean last;
    ObjectNode line = mapper.createObjectNode();
    try {
      BackfillProgress progress = activities.backfill(user);
      line.put(
          "backfill_loaded_until",
          progress.loadedUntil() == null ? null : progress.loadedUntil().toString());
      line.put("activities_uploaded", progress.uploaded());
      line.put("activities_loaded", progress.loaded());
      last =
          progress.loaded() >= progress.uploaded()
              || System.nanoTime() + timing.interval().toNanos() > deadline;
    } catch (RuntimeException e) {
      LOG.warn("backfill status of user {} failed", user, e);
      line.removeAll();
      line.put("error", "Backfill status is unavailable: the database could not be read.");
      last = true;
    }
    try {
      out.write((mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      last = true; // the client left
    }
    if (last) {
      done.complete(null);
    } else {
      SCHEDULER.schedule(
          () -> tick(user, out, deadline, timing, done),
          timing.interval().toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }
}
