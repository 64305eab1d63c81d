package io.wearflow.connectors.postgres;

import io.wearflow.schemas.timeframes.TimeframeComputedData;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the timeframe job's snapshots into {@code timeframe_computed_data}, one row per timeframe
 * with its computed data as JSONB. A row is written only while the timeframe exists with exactly
 * the snapshot's version, and never over a row of a newer version (see V5__live_matches.sql): the
 * results of a deleted or superseded timeframe, a replay after a restart and snapshots arriving out
 * of order can therefore never replace newer data. The writer keeps the last snapshot per timeframe
 * (of the highest version) and upserts as {@link BufferedTableWriter} describes.
 */
public final class ComputedDataTableSink implements Sink<TimeframeComputedData> {

  private static final long serialVersionUID = 1L;

  static final String UPSERT =
      "INSERT INTO timeframe_computed_data"
          + " (timeframe_id, timeframe_version, data, final, computed_at, updated_at)"
          + " SELECT ?, ?, ?::jsonb, ?, ?, now()"
          + " WHERE EXISTS (SELECT 1 FROM timeframes WHERE id = ? AND version = ?)"
          + " ON CONFLICT (timeframe_id) DO UPDATE SET"
          + " timeframe_version = EXCLUDED.timeframe_version, data = EXCLUDED.data,"
          + " final = EXCLUDED.final, computed_at = EXCLUDED.computed_at,"
          + " updated_at = EXCLUDED.updated_at"
          + " WHERE timeframe_computed_data.timeframe_version <= EXCLUDED.timeframe_version";

  private final TableSinkSettings settings;

  public ComputedDataTableSink(
      PostgresConfig postgres, int maxBufferedRows, Duration flushInterval) {
    this.settings = new TableSinkSettings(postgres, maxBufferedRows, flushInterval);
  }

  @Override
  public SinkWriter<TimeframeComputedData> createWriter(WriterInitContext context)
      throws IOException {
    return new BufferedTableWriter<>(
        "timeframe_computed_data",
        settings,
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter(),
        TimeframeComputedData::getTimeframeId,
        ComputedDataTableSink::latest,
        ComputedDataTableSink::upsert);
  }

  /** Of two snapshots of one timeframe, the one of the higher version, else the later one. */
  static TimeframeComputedData latest(
      TimeframeComputedData buffered, TimeframeComputedData incoming) {
    return incoming.getTimeframeVersion() < buffered.getTimeframeVersion() ? buffered : incoming;
  }

  /**
   * Upserts {@code rows} on {@code connection} in one transaction (auto-commit is restored).
   *
   * @return how many rows were inserted or replaced (stale or orphaned snapshots are not counted)
   */
  static int upsert(Connection connection, Collection<TimeframeComputedData> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      for (TimeframeComputedData row : rows) {
        statement.setLong(1, row.getTimeframeId());
        statement.setLong(2, row.getTimeframeVersion());
        statement.setString(3, row.getDataJson());
        statement.setBoolean(4, row.getFinal$());
        statement.setObject(5, OffsetDateTime.ofInstant(row.getComputedAt(), ZoneOffset.UTC));
        statement.setLong(6, row.getTimeframeId());
        statement.setLong(7, row.getTimeframeVersion());
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
}
