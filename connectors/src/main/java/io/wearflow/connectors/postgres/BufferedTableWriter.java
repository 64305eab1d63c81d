package io.wearflow.connectors.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * <p>Timed and size-triggered upserts run on a background thread of the writer, one at a time and
 * in order, so the task thread (which in the timeframe job also computes, chained to this sink)
 * does not wait for PostgreSQL round trips; while an upsert is in flight, new rows keep merging in
 * the buffer. Checkpoints and the end of input wait for the upsert in flight and then write the
 * rest on the task thread, so everything before a checkpoint barrier is in the table when it
 * completes.
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
  private Map<K, V> buffer = new LinkedHashMap<>();
  private final ExecutorService background;
  private Future<?> inFlight;
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
    this.background =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "table-sink-" + table);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void write(V row, Context context) throws IOException {
    rethrowAsyncFailure();
    buffer.merge(keyOf.apply(row), row, merge);
    if (buffer.size() >= maxBufferedRows) {
      awaitInFlight();
      startWrite();
    } else if (!timerPending) {
      timerPending = true;
      time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, this::onTimer);
    }
  }

  private void onTimer(long timestamp) {
    timerPending = false;
    try {
      if (inFlight != null && !inFlight.isDone()) {
        // Retry soon: the rows keep coalescing meanwhile.
        timerPending = true;
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, this::onTimer);
        return;
      }
      awaitInFlight();
      startWrite();
    } catch (IOException e) {
      asyncFailure = e;
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    rethrowAsyncFailure();
    awaitInFlight();
    writeRows(buffer.values());
    buffer.clear();
  }

  private void rethrowAsyncFailure() throws IOException {
    if (asyncFailure != null) {
      throw asyncFailure;
    }
    if (inFlight != null && inFlight.isDone()) {
      awaitInFlight();
    }
  }

  /** Hands the buffer to the background thread (none may be in flight). */
  private void startWrite() {
    if (buffer.isEmpty()) {
      return;
    }
    Map<K, V> rows = buffer;
    buffer = new LinkedHashMap<>();
    inFlight =
        background.submit(
            () -> {
              writeRows(rows.values());
              return null;
            });
  }

  /** Waits for the upsert in flight, if any, and rethrows its failure. */
  private void awaitInFlight() throws IOException {
    Future<?> pending = inFlight;
    if (pending == null) {
      return;
    }
    try {
      pending.get();
      inFlight = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while upserting into " + table, e);
    } catch (ExecutionException e) {
      inFlight = null;
      asyncFailure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      throw asyncFailure;
    }
  }

  private void writeRows(Collection<V> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        upsert.apply(connection(), rows);
        rowsWritten.inc(rows.size());
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
    throw new IOException("cannot upsert " + rows.size() + " rows into " + table, last);
  }

  private Connection connection() throws SQLException {
    // A broken connection fails the upsert, which retries on a new one: no validation round trip.
    if (connection == null) {
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
    background.shutdown();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }
}
