package io.wearflow.http.sessions;

import io.wearflow.connectors.postgres.SessionStore;
import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.schemas.sessions.Session;
import java.time.Instant;
import java.util.List;

/**
 * The session reads the edge needs; in production {@link SessionStore#list} ({@code store::list}).
 * A port so that handler tests run without a database.
 */
@FunctionalInterface
public interface Sessions {

  /**
   * The user's sessions overlapping {@code [from, to]} (null: unbounded), ordered by start time
   * then session id, after {@code after} (null: from the first), at most {@code limit}.
   */
  List<Session> list(long userId, Instant from, Instant to, SessionStore.Position after, int limit);

  /** Reads for an edge without a session store: every read fails as a database outage (503). */
  static Sessions unavailable() {
    return (userId, from, to, after, limit) -> {
      throw new StoreException("no session store is configured", null);
    };
  }
}
