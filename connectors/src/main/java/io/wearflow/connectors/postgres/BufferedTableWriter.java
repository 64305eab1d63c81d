package io.wearflow.connectors.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;

/**
 * A table sink's writer that coalesces rows per key and upserts them in batches: when {@code
 * maxBufferedRows} keys are buffered, {@code flushIntervalMs} after the first buffered row, before
 * each checkpoint and at the end of input. Flushing before checkpoints makes the sink
 * at-least-once; idempotent upserts make the table exact after a replay. A failed upsert is retried
 * on a new connection (3 attempts) before the writer fails, which restarts the job from its last
 * checkpoint.
 *
 * @param <K> the table's key
 * @param <V> the row type
 */
final class BufferedTableWriter<K, V> implements SinkWriter<V> {

  /** Writes rows in one transaction on the given connection. */
  @FunctionalInterface
  interface Upsert<V> {
    void apply(Connection connection, Collection<V> rows) throws SQLException;
  }

  private static final int ATTEMPTS = 3;

  private final String table;
  private final PostgresConfig postgres;
  private final int maxBufferedRows;
  private final long flushIntervalMs;
  private final ProcessingTimeService time;
  private final Counter rowsWritten;
  private final Function<V, K> keyOf;
  private final BinaryOperator<V> merge;
  private final Upsert<V> upsert;
  private final Map<K, V> buffer = new LinkedHashMap<>();
  private Connection connection;
  private boolean timerPending;
  private IOException asyncFailure;

  /**
   * @param table table name, for error messages
   * @param merge given the buffered row and a new row of the same key, the row to keep
   */
  BufferedTableWriter(
      String table,
      TableSinkSettings settings,
      ProcessingTimeService time,
      Counter rowsWritten,
      Function<V, K> keyOf,
      BinaryOperator<V> merge,
      Upsert<V> upsert) {
    this.table = table;
    this.postgres = settings.postgres();
    this.maxBufferedRows = settings.maxBufferedRows();
    this.flushIntervalMs = settings.flushInterval().toMillis();
    this.time = time;
    this.rowsWritten = rowsWritten;
    this.keyOf = keyOf;
    this.merge = merge;
    this.upsert = upsert;
  }

  @Override
  public void write(V row, Context context) throws IOException {
    rethrowAsyncFailure();
    buffer.merge(keyOf.apply(row), row, merge);
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
        upsert.apply(connection(), buffer.values());
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
    throw new IOException("cannot upsert " + buffer.size() + " rows into " + table, last);
  }

  private Connection connection() throws SQLException {
    if (connection == null || !connection.isValid(2)) {
      closeConnection();
      connection =
          DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
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
