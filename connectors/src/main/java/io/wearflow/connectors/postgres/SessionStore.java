package io.wearflow.connectors.postgres;

import io.wearflow.schemas.sessions.Application;
import io.wearflow.schemas.sessions.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code sessions} table: one row per (user, session id), the version with the latest {@code
 * modified_time}. An upsert replaces a row only when the incoming {@code modified_time} is not
 * older than the stored one, so replays and out-of-order writes converge to the last modification
 * (on equal times the later write wins, which makes a replay of the same version a no-op).
 */
public final class SessionStore {

  /** Most sessions one {@link #list} call returns. */
  public static final int MAX_LIMIT = 10_000;

  static final String UPSERT =
      "INSERT INTO sessions (user_id, session_id, name, description, start_time, end_time,"
          + " modified_time, application_package_name, application_version,"
          + " application_details_url, application_name, activity_type, active_time_millis)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (user_id, session_id) DO UPDATE SET name = EXCLUDED.name,"
          + " description = EXCLUDED.description, start_time = EXCLUDED.start_time,"
          + " end_time = EXCLUDED.end_time, modified_time = EXCLUDED.modified_time,"
          + " application_package_name = EXCLUDED.application_package_name,"
          + " application_version = EXCLUDED.application_version,"
          + " application_details_url = EXCLUDED.application_details_url,"
          + " application_name = EXCLUDED.application_name,"
          + " activity_type = EXCLUDED.activity_type,"
          + " active_time_millis = EXCLUDED.active_time_millis"
          + " WHERE sessions.modified_time <= EXCLUDED.modified_time";

  private static final String COLUMNS =
      "user_id, session_id, name, description, start_time, end_time, modified_time,"
          + " application_package_name, application_version, application_details_url,"
          + " application_name, activity_type, active_time_millis";

  /**
   * Where a page of {@link #list} ended: the next page starts after this session in list order
   * (start time, then session id).
   *
   * @param startTime start of the last session returned
   * @param sessionId id of the last session returned
   */
  public record Position(Instant startTime, String sessionId) {

    public Position {
      Objects.requireNonNull(startTime, "startTime");
      Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The position of {@code session} in list order. */
    public static Position of(Session session) {
      return new Position(session.getStartTime(), session.getSessionId());
    }
  }

  private final DataSource dataSource;

  public SessionStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Writes the sessions in one transaction, each only if it is not older than the stored version.
   *
   * @return how many rows were inserted or replaced (stale versions are not counted)
   */
  public int upsert(Collection<Session> sessions) {
    try (Connection connection = dataSource.getConnection()) {
      return upsert(connection, sessions);
    } catch (SQLException e) {
      throw new StoreException("cannot upsert " + sessions.size() + " sessions", e);
    }
  }

  /** The stored version of the user's session, if any. */
  public Optional<Session> find(long userId, String sessionId) {
    String sql = "SELECT " + COLUMNS + " FROM sessions WHERE user_id = ? AND session_id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      statement.setString(2, sessionId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read session " + sessionId + " of user " + userId, e);
    }
  }

  /**
   * The user's sessions that overlap {@code [from, to]} (both inclusive, as are a session's start
   * and end: a session is listed when it starts at or before {@code to} and ends at or after {@code
   * from}), ordered by start time then session id, starting after {@code after}.
   *
   * @param from earliest end of a listed session; null for no bound
   * @param to latest start of a listed session; null for no bound
   * @param after the position the previous page ended at; null for the first page
   * @param limit most sessions returned, 1 to {@value #MAX_LIMIT}
   */
  public List<Session> list(long userId, Instant from, Instant to, Position after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    StringBuilder sql =
        new StringBuilder("SELECT ").append(COLUMNS).append(" FROM sessions WHERE user_id = ?");
    if (to != null) {
      sql.append(" AND start_time <= ?");
    }
    if (from != null) {
      sql.append(" AND end_time >= ?");
    }
    if (after != null) {
      sql.append(" AND (start_time, session_id) > (?, ?)");
    }
    sql.append(" ORDER BY start_time, session_id LIMIT ?");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int index = 1;
      statement.setLong(index++, userId);
      if (to != null) {
        statement.setObject(index++, timestamp(to));
      }
      if (from != null) {
        statement.setObject(index++, timestamp(from));
      }
      if (after != null) {
        statement.setObject(index++, timestamp(after.startTime()));
        statement.setString(index++, after.sessionId());
      }
      statement.setInt(index, limit);
      List<Session> sessions = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sessions.add(read(rows));
        }
      }
      return sessions;
    } catch (SQLException e) {
      throw new StoreException("cannot list the sessions of user " + userId, e);
    }
  }

  /**
   * Upserts {@code sessions} on {@code connection} in one transaction (auto-commit is restored).
   * Shared by this store and the sessions job's table sink.
   *
   * @return how many rows were inserted or replaced
   */
  static int upsert(Connection connection, Collection<Session> sessions) throws SQLException {
    if (sessions.isEmpty()) {
      return 0;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      for (Session session : sessions) {
        bind(statement, session);
        statement.addBatch();
      }
      int written = 0;
      for (int count : statement.executeBatch()) {
        written += Math.max(count, 0);
      }
      connection.commit();
      return written;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void bind(PreparedStatement statement, Session session) throws SQLException {
    Application application = session.getApplication();
    statement.setLong(1, session.getUserId());
    statement.setString(2, session.getSessionId());
    statement.setString(3, session.getName());
    statement.setString(4, session.getDescription());
    statement.setObject(5, timestamp(session.getStartTime()));
    statement.setObject(6, timestamp(session.getEndTime()));
    statement.setObject(7, timestamp(session.getModifiedTime()));
    statement.setString(8, application == null ? null : application.getPackageName());
    statement.setString(9, application == null ? null : application.getVersion());
    statement.setString(10, application == null ? null : application.getDetailsUrl());
    statement.setString(11, application == null ? null : application.getName());
    if (session.getActivityType() == null) {
      statement.setNull(12, Types.INTEGER);
    } else {
      statement.setInt(12, session.getActivityType());
    }
    if (session.getActiveTimeMillis() == null) {
      statement.setNull(13, Types.BIGINT);
    } else {
      statement.setLong(13, session.getActiveTimeMillis());
    }
  }

  private static Session read(ResultSet rows) throws SQLException {
    return Session.newBuilder()
        .setUserId(rows.getLong("user_id"))
        .setSessionId(rows.getString("session_id"))
        .setName(rows.getString("name"))
        .setDescription(rows.getString("description"))
        .setStartTime(instant(rows, "start_time"))
        .setEndTime(instant(rows, "end_time"))
        .setModifiedTime(instant(rows, "modified_time"))
        .setApplication(application(rows))
        .setActivityType(rows.getObject("activity_type", Integer.class))
        .setActiveTimeMillis(rows.getObject("active_time_millis", Long.class))
        .build();
  }

  /** The application, or null when every application column is NULL. */
  private static Application application(ResultSet rows) throws SQLException {
    String packageName = rows.getString("application_package_name");
    String version = rows.getString("application_version");
    String detailsUrl = rows.getString("application_details_url");
    String name = rows.getString("application_name");
    if (packageName == null && version == null && detailsUrl == null && name == null) {
      return null;
    }
    return Application.newBuilder()
        .setPackageName(packageName)
        .setVersion(version)
        .setDetailsUrl(detailsUrl)
        .setName(name)
        .build();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
