package io.wearflow.http.sessions;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.connectors.postgres.SessionStore.Position;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.schemas.sessions.Session;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The sessions routes (token required). {@code userId} must be {@code me}, the token's user, as in
 * Google Fit ("Only me is supported"); any other value is answered 403.
 *
 * <pre>
 * PUT /fitness/v1/users/me/sessions/{sessionId}   200 the stored session (SessionJson)
 * GET /fitness/v1/users/me/sessions               200 SessionListResponse
 * </pre>
 *
 * A PUT is answered only after Kafka acknowledged the session (503 with {@code Retry-After} when it
 * did not); the response is the version written, with the server's {@code modifiedTimeMillis}. The
 * list reads the {@code sessions} table, which the sessions job fills from Kafka: a PUT shows up
 * there once the job has written it, typically within a second.
 */
public final class SessionHandlers {

  /** Sessions per page of the list. */
  public static final int PAGE_SIZE = 100;

  static final String ITEM_PATH = "/fitness/v1/users/{userId}/sessions/{sessionId}";
  static final String LIST_PATH = "/fitness/v1/users/{userId}/sessions";

  private static final String ME = "me";

  private final JsonRequestReader reader;
  private final SessionValidator validator;
  private final SessionRecordMapper mapper;
  private final SessionPublisher publisher;
  private final Sessions sessions;
  private final int pageSize;

  public SessionHandlers(
      JsonRequestReader reader,
      SessionValidator validator,
      SessionRecordMapper mapper,
      SessionPublisher publisher,
      Sessions sessions,
      int pageSize) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** Registers the routes on {@code router}, with pages of {@value #PAGE_SIZE} sessions. */
  public static void register(
      JavalinDefaultRouting router,
      JsonRequestReader reader,
      SessionPublisher publisher,
      Sessions sessions,
      Clock clock) {
    SessionHandlers handlers =
        new SessionHandlers(
            reader,
            new SessionValidator(),
            new SessionRecordMapper(clock),
            publisher,
            sessions,
            PAGE_SIZE);
    router.put(ITEM_PATH, handlers::put, Access.AUTHENTICATED);
    router.get(LIST_PATH, handlers::list, Access.AUTHENTICATED);
  }

  public void put(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    requireMe(ctx.pathParam("userId"));
    SessionInput input = validator.validate(ctx.pathParam("sessionId"), reader.read(ctx));
    Session session = mapper.toRecord(userId, input);
    publisher.publish(session);
    ctx.json(SessionJson.of(session));
  }

  public void list(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    requireMe(ctx.pathParam("userId"));
    SessionListQuery query =
        SessionListQuery.fromQuery(
            ctx.queryParam("startTime"), ctx.queryParam("endTime"), ctx.queryParam("pageToken"));
    List<Session> found =
        sessions.list(userId, query.from(), query.to(), query.after(), pageSize + 1);
    boolean more = found.size() > pageSize;
    List<Session> page = more ? found.subList(0, pageSize) : found;
    ctx.json(
        new SessionListResponse(
            page.stream().map(SessionJson::of).toList(),
            List.of(),
            more,
            more ? PageToken.encode(Position.of(page.get(page.size() - 1))) : null));
  }

  private static void requireMe(String userId) {
    if (!ME.equals(userId)) {
      throw ApiException.forbidden(
          "Only 'me' is supported as userId: sessions are read and written for the token's own"
              + " user.");
    }
  }
}
