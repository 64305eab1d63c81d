package io.wearflow.connectors.postgres;

import io.wearflow.schemas.actigraphy.UserDay;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Writes the user-day job's rows into {@code user_day} and their per-minute curves into {@code
 * user_day_minutes} (both in one transaction per flush, see {@link UserDayStore}). Each row carries
 * a day's complete aggregates, so only the last row per (user, day) matters: the writer keeps the
 * latest row per key and upserts the buffer when it holds {@code maxBufferedRows} keys, every
 * {@code flushInterval}, before each checkpoint and at the end of input. Flushing before
 * checkpoints makes the sink at-least-once; idempotent upserts of complete rows make the table
 * exact after a replay.
 */
public final class UserDayTableSink implements Sink<UserDay> {

  private static final long serialVersionUID = 1L;

  private final PostgresConfig postgres;
  private final int maxBufferedRows;
  private final Duration flushInterval;

  public UserDayTableSink(PostgresConfig postgres, int maxBufferedRows, Duration flushInterval) {
    this.postgres = Objects.requireNonNull(postgres, "postgres");
    if (maxBufferedRows < 1) {
      throw new IllegalArgumentException("maxBufferedRows must be at least 1: " + maxBufferedRows);
    }
    if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
    }
    this.maxBufferedRows = maxBufferedRows;
    this.flushInterval = flushInterval;
  }

  @Override
  public SinkWriter<UserDay> createWriter(WriterInitContext context) throws IOException {
    return new Writer(
        postgres,
        maxBufferedRows,
        flushInterval.toMillis(),
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter());
  }

  private static final class Writer implements SinkWriter<UserDay> {

    private static final int ATTEMPTS = 3;

    private final PostgresConfig postgres;
    private final int maxBufferedRows;
    private final long flushIntervalMs;
    private final ProcessingTimeService time;
    private final Counter rowsWritten;
    private final Map<Key, UserDay> buffer = new LinkedHashMap<>();
    private Connection connection;
    private boolean timerPending;
    private IOException asyncFailure;

    Writer(
        PostgresConfig postgres,
        int maxBufferedRows,
        long flushIntervalMs,
        ProcessingTimeService time,
        Counter rowsWritten) {
      this.postgres = postgres;
      this.maxBufferedRows = maxBufferedRows;
      this.flushIntervalMs = flushIntervalMs;
      this.time = time;
      this.rowsWritten = rowsWritten;
    }

    @Override
    public void write(UserDay day, Context context) throws IOException {
      rethrowAsyncFailure();
      buffer.put(new Key(day.getUserId(), day.getLocalDate()), day);
      if (buffer.size() >= maxBufferedRows) {
        writeBuffer();
      } else if (!timerPending) {
        timerPending = true;
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, this::onTimer);
      }
    }

    private void onTimer(long timestamp) {
      timerPending = false;
      try {
        writeBuffer();
      } catch (IOException e) {
        asyncFailure = e;
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      rethrowAsyncFailure();
      writeBuffer();
    }

    private void rethrowAsyncFailure() throws IOException {
      if (asyncFailure != null) {
        throw asyncFailure;
      }
    }

    private void writeBuffer() throws IOException {
      if (buffer.isEmpty()) {
        return;
      }
      SQLException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          UserDayStore.upsert(connection(), buffer.values());
          rowsWritten.inc(buffer.size());
          buffer.clear();
          return;
        } catch (SQLException e) {
          last = e;
          closeConnection();
          try {
            Thread.sleep(200L * attempt);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      throw new IOException("cannot upsert " + buffer.size() + " rows into user_day", last);
    }

    private Connection connection() throws SQLException {
      if (connection == null || !connection.isValid(2)) {
        closeConnection();
        connection =
            DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.username(), postgres.password());
      }
      return connection;
    }

    private void closeConnection() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the connection is being replaced or the writer is closing
        }
        connection = null;
      }
    }

    @Override
    public void close() {
      closeConnection();
    }
  }

  private record Key(long userId, LocalDate date) {}
}
