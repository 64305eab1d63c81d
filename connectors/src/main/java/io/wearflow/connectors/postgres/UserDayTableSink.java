package io.wearflow.connectors.postgres;

import io.wearflow.schemas.actigraphy.UserDay;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

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
    return new BufferedTableWriter<>(
        "user_day",
        postgres,
        maxBufferedRows,
        flushInterval.toMillis(),
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter(),
        day -> new Key(day.getUserId(), day.getLocalDate()),
        (buffered, incoming) -> incoming,
        UserDayStore::upsert);
  }

  private record Key(long userId, LocalDate date) {}
}
