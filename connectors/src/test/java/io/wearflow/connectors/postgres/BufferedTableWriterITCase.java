package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table writer's upserts run beside the task thread: a slow PostgreSQL round trip does not
 * block the rows that keep coming, which merge while it is in flight; a checkpoint's flush waits
 * for it and writes the rest; a failed upsert fails the next call of the task thread.
 */
class BufferedTableWriterITCase {

  /** One row of table {@code kv}. */
  private record Row(String key, int value) {}

  private PostgresConfig postgres;
  private final ManualTime time = new ManualTime();
  private final List<List<Row>> upserts = new CopyOnWriteArrayList<>();
  private final CountDownLatch releaseFirstUpsert = new CountDownLatch(1);
  private final CountDownLatch firstUpsertStarted = new CountDownLatch(1);

  @BeforeEach
  void createTable() throws SQLException {
    postgres = TestPostgres.newEmptyDatabase("buffered_writer");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
    }
  }

  @Test
  void rowsKeepMergingWhileAnUpsertIsInFlightAndACheckpointWaitsForIt() throws Exception {
    BufferedTableWriter<String, Row> writer = writer(this::slowFirstUpsert);
    writer.write(new Row("a", 1), null);
    time.fire(); // the 20 ms timer: the upsert of {a=1} starts and blocks in "PostgreSQL"
    assertThat(firstUpsertStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // The task thread goes on while the upsert is in flight.
    writer.write(new Row("a", 2), null);
    writer.write(new Row("b", 1), null);
    writer.write(new Row("b", 3), null);
    time.fire(); // still in flight: the timer only comes back later
    assertThat(upserts).hasSize(1);
    assertThat(table()).isEmpty();

    releaseFirstUpsert.countDown();
    writer.flush(false); // a checkpoint: waits for {a=1}, then writes the merged rest

    assertThat(upserts)
        .containsExactly(List.of(new Row("a", 1)), List.of(new Row("a", 2), new Row("b", 3)));
    assertThat(table()).containsExactly(Map.entry("a", 2), Map.entry("b", 3));
    writer.close();
  }

  @Test
  void aFailedBackgroundUpsertFailsTheTaskThreadsNextCall() throws Exception {
    BufferedTableWriter<String, Row> writer =
        writer(
            (connection, rows) -> {
              throw new SQLException("relation does not exist");
            });
    writer.write(new Row("a", 1), null);
    time.fire();

    // The failure surfaces once the background upsert (3 attempts) has given up.
    assertThatThrownBy(
            () -> {
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
              while (System.nanoTime() < deadline) {
                writer.write(new Row("b", 1), null);
                Thread.sleep(50);
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot upsert 1 rows into kv");
    writer.close();
  }

  private BufferedTableWriter<String, Row> writer(BufferedTableWriter.Upsert<Row> upsert) {
    return new BufferedTableWriter<>(
        "kv",
        new TableSinkSettings(postgres, 1000, Duration.ofMillis(20)),
        time,
        new SimpleCounter(),
        Row::key,
        (older, newer) -> newer,
        upsert);
  }

  private void slowFirstUpsert(Connection connection, Collection<Row> rows) throws SQLException {
    upserts.add(List.copyOf(rows));
    if (upserts.size() == 1) {
      firstUpsertStarted.countDown();
      try {
        releaseFirstUpsert.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v")) {
      for (Row row : rows) {
        insert.setString(1, row.key());
        insert.setInt(2, row.value());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private Map<String, Integer> table() throws SQLException {
    Map<String, Integer> rows = new TreeMap<>();
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery("SELECT k, v FROM kv")) {
      while (r.next()) {
        rows.put(r.getString(1), r.getInt(2));
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(), postgres.username(), postgres.password());
  }

  /** Processing time that moves only when the test fires the registered timers. */
  private static final class ManualTime implements ProcessingTimeService {
    private final List<ProcessingTimeCallback> timers = new ArrayList<>();
    private long now;

    @Override
    public long getCurrentProcessingTime() {
      return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
      timers.add(callback);
      return null;
    }

    void fire() throws Exception {
      now += 20;
      List<ProcessingTimeCallback> due = new ArrayList<>(timers);
      timers.clear();
      for (ProcessingTimeCallback callback : due) {
        callback.onProcessingTime(now);
      }
    }
  }
}
