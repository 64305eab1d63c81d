package io.wearflow.http;

import io.wearflow.connectors.postgres.SessionStore.Position;
import io.wearflow.http.sessions.Sessions;
import io.wearflow.schemas.sessions.Session;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sessions table in memory, listing as {@code SessionStore#list} does (its SQL is tested
 * against PostgreSQL in the connectors module): overlap with both ends inclusive, ordered by start
 * time then id, keyset after a position.
 */
final class InMemorySessions implements Sessions {

  private static final Comparator<Session> LIST_ORDER =
      Comparator.comparing(Session::getStartTime).thenComparing(Session::getSessionId);

  final List<Session> stored = new CopyOnWriteArrayList<>();

  @Override
  public List<Session> list(long userId, Instant from, Instant to, Position after, int limit) {
    return stored.stream()
        .filter(s -> s.getUserId() == userId)
        .filter(s -> to == null || !s.getStartTime().isAfter(to))
        .filter(s -> from == null || !s.getEndTime().isBefore(from))
        .filter(s -> after == null || isAfter(s, after))
        .sorted(LIST_ORDER)
        .limit(limit)
        .toList();
  }

  private static boolean isAfter(Session session, Position position) {
    int byStart = session.getStartTime().compareTo(position.startTime());
    return byStart > 0
        || (byStart == 0 && session.getSessionId().compareTo(position.sessionId()) > 0);
  }
}
