package io.wearflow.http.idempotency;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.wearflow.connectors.postgres.IdempotencyRecord;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Makes authenticated writes (POST, PUT, PATCH, DELETE) idempotent under an {@code Idempotency-Key}
 * header, the way Stripe's API does: the first request with a key runs and its response (2xx and
 * 4xx alike) is stored; a retry with the same key and the same request (method, path, query and
 * body, compared by SHA-256) gets the stored response again, marked {@code Idempotent-Replayed:
 * true}, without running anything; the same key with another request is 422; a retry while the
 * first is still running is 409. A 5xx answer (Kafka or the database down) is not stored, so a
 * retry with the same key runs again. Keys are scoped per account and kept for the retention (24 h
 * by default); requests without the header behave as before.
 */
public final class IdempotencyFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Set<HandlerType> WRITES =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
  private static final String PENDING = "wearflow.idempotency.pending";
  private static final long PURGE_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  private final IdempotencyKeys keys;
  private final JsonRequestReader bodies;
  private final Clock clock;
  private final Duration retention;
  private final AtomicLong lastPurge = new AtomicLong();

  private record Pending(long accountId, String key) {}

  /**
   * @param bodies reads (and keeps for the handler) the request body within the size limit
   */
  public IdempotencyFilter(
      IdempotencyKeys keys, JsonRequestReader bodies, Clock clock, Duration retention) {
    this.keys = keys;
    this.bodies = bodies;
    this.clock = clock;
    this.retention = retention;
  }

  /** Before-matched handler, registered after the authenticator. */
  public void before(Context ctx) {
    String key = ctx.header(HEADER);
    if (key == null || !WRITES.contains(ctx.method()) || ctx.routeRoles().contains(Access.PUBLIC)) {
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw new ApiException(
          400,
          ProblemType.BAD_REQUEST,
          "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
    }
    Principal principal = BearerAuthenticator.principal(ctx);
    Instant now = clock.instant();
    Instant notBefore = now.minus(retention);
    purgeNowAndThen(now);
    byte[] fingerprint = fingerprint(ctx);
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<IdempotencyRecord> existing = keys.find(principal.accountId(), key, notBefore);
      if (existing.isPresent()) {
        replayOrRefuse(ctx, existing.get(), fingerprint);
        return;
      }
      if (keys.begin(principal.accountId(), key, fingerprint, now, notBefore)) {
        ctx.attribute(PENDING, new Pending(principal.accountId(), key));
        return;
      }
      // Lost a race with a request with the same key (or it was just abandoned): look again.
    }
    throw conflict();
  }

  /** After-matched handler: stores the response of a request that claimed a key. */
  public void after(Context ctx) {
    Pending pending = ctx.attribute(PENDING);
    if (pending == null) {
      return;
    }
    int status = ctx.statusCode();
    if (status >= 500) {
      keys.abandon(pending.accountId(), pending.key());
      return;
    }
    String body = ctx.result();
    keys.complete(
        pending.accountId(),
        pending.key(),
        status,
        ctx.res().getContentType(),
        ctx.res().getHeader("Location"),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
        clock.instant());
  }

  private void replayOrRefuse(Context ctx, IdempotencyRecord record, byte[] fingerprint) {
    if (!Arrays.equals(record.fingerprint(), fingerprint)) {
      throw new ApiException(
          422,
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used with a different request (method, path or body) within"
              + " the last "
              + retention.toHours()
              + " h; use a new key for a new request.");
    }
    if (!record.completed()) {
      throw conflict();
    }
    ctx.status(record.status());
    if (record.contentType() != null) {
      ctx.contentType(record.contentType());
    }
    if (record.location() != null) {
      ctx.header("Location", record.location());
    }
    ctx.header(REPLAYED_HEADER, "true");
    ctx.result(record.body() == null ? new byte[0] : record.body());
    ctx.skipRemainingHandlers();
  }

  private static ApiException conflict() {
    return new ApiException(
        409,
        ProblemType.CONFLICT,
        "A request with this Idempotency-Key is still being processed; retry after it completed.");
  }

  private void purgeNowAndThen(Instant now) {
    long last = lastPurge.get();
    if (now.toEpochMilli() - last >= PURGE_EVERY_MILLIS
        && lastPurge.compareAndSet(last, now.toEpochMilli())) {
      keys.purgeOlderThan(now.minus(retention));
    }
  }

  private byte[] fingerprint(Context ctx) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(ctx.method().name().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) ' ');
      sha256.update(ctx.path().getBytes(StandardCharsets.UTF_8));
      String query = ctx.queryString();
      if (query != null) {
        sha256.update((byte) '?');
        sha256.update(query.getBytes(StandardCharsets.UTF_8));
      }
      sha256.update((byte) '\n');
      sha256.update(bodies.body(ctx));
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
