package io.wearflow.connectors.postgres;

import io.wearflow.schemas.sessions.Session;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the sessions job's records into {@code sessions}. The writer keeps one version per (user,
 * session id), the one {@link #latest} picks, and upserts the buffer when it holds {@code
 * maxBufferedRows} sessions, every {@code flushInterval}, before each checkpoint and at the end of
 * input. The upsert itself keeps the stored row when it is newer ({@link SessionStore}), so
 * at-least-once delivery, replays after a restart and records arriving out of order all converge to
 * the last modification.
 */
public final class SessionTableSink implements Sink<Session> {

  private static final long serialVersionUID = 1L;

  private final TableSinkSettings settings;

  public SessionTableSink(PostgresConfig postgres, int maxBufferedRows, Duration flushInterval) {
    this.settings = new TableSinkSettings(postgres, maxBufferedRows, flushInterval);
  }

  @Override
  public SinkWriter<Session> createWriter(WriterInitContext context) throws IOException {
    return new BufferedTableWriter<>(
        "sessions",
        settings,
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter(),
        SessionTableSink::key,
        SessionTableSink::latest,
        SessionStore::upsert);
  }

  /**
   * Of two versions of one session, the one the table must end up with: the later modification, or
   * on equal modification times the one written last ({@code incoming}), as the table's upsert
   * decides.
   */
  static Session latest(Session buffered, Session incoming) {
    return incoming.getModifiedTime().isBefore(buffered.getModifiedTime()) ? buffered : incoming;
  }

  private static Key key(Session session) {
    return new Key(session.getUserId(), session.getSessionId());
  }

  private record Key(long userId, String sessionId) {}
}
