package io.wearflow.connectors.postgres;

import io.wearflow.schemas.actigraphy.UserDay;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
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

  private final TableSinkSettings settings;

  public UserDayTableSink(PostgresConfig postgres, int maxBufferedRows, Duration flushInterval) {
    this.settings = new TableSinkSettings(postgres, maxBufferedRows, flushInterval);
  }

  @Override
  public SinkWriter<UserDay> createWriter(WriterInitContext context) throws IOException {
    return new BufferedTableWriter<>(
        "user_day",
        settings,
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter(),
        day -> new Key(day.getUserId(), day.getLocalDate()),
        (buffered, incoming) -> incoming,
        UserDayStore::upsert);
  }

  private record Key(long userId, LocalDate date) {}
}
