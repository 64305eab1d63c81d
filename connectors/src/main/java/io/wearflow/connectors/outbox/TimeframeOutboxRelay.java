package io.wearflow.connectors.outbox;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays {@code timeframe_outbox} to the compacted {@code timeframes} topic: the only path by which
 * timeframe changes reach the timeframe job.
 *
 * <p>Only the holder of the PostgreSQL advisory lock {@link #LOCK_KEY} relays (session lock on one
 * dedicated connection, so it is released when that connection ends); other instances stay idle and
 * take over when it goes. The holder reads rows in id order ({@link Settings#batchSize()} at a
 * time), sends each keyed by timeframe id (UPSERT as a {@link TimeframeDefinition}, DELETE as a
 * tombstone), waits until Kafka acknowledged every one ({@code acks=all}, idempotent producer),
 * then deletes exactly the rows acknowledged. A failure deletes only the acknowledged prefix and
 * the next round starts again from the first row left, after a backoff (doubling from the poll
 * interval up to {@link Settings#maxBackoff()}): rows are never lost or reordered, at worst a
 * suffix is published twice in the same order, which the job ignores (it keeps the highest version
 * per timeframe) and compaction folds.
 *
 * <p>{@link #start()} runs {@link #relayOnce()} on a daemon thread every poll interval (at once
 * again while batches are full); {@link #close()} stops it and releases the lock.
 */
public final class TimeframeOutboxRelay implements AutoCloseable {

  /** The advisory lock key of the relay ({@code pg_try_advisory_lock(bigint)}): "wftfobx1". */
  public static final long LOCK_KEY = 0x7766_7466_6f62_7831L;

  private static final Logger LOG = LoggerFactory.getLogger(TimeframeOutboxRelay.class);

  private static final String SELECT =
      "SELECT id, timeframe_id, op, version, device_id, athlete_id, activity_id, owner_id,"
          + " start_time, end_time, params::text AS params FROM timeframe_outbox"
          + " ORDER BY id LIMIT ?";

  /**
   * How the relay runs.
   *
   * @param pollInterval pause between rounds that found less than a full batch (e.g. 200 ms)
   * @param batchSize most rows read, sent and deleted per round
   * @param publishTimeout longest wait for Kafka per round (metadata, buffer and acks), at least 1
   *     s
   * @param maxBackoff longest pause after a failed round
   */
  public record Settings(
      Duration pollInterval, int batchSize, Duration publishTimeout, Duration maxBackoff) {

    public static final Settings DEFAULTS =
        new Settings(Duration.ofMillis(200), 500, Duration.ofSeconds(30), Duration.ofSeconds(10));

    public Settings {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(publishTimeout, "publishTimeout");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
      }
      if (publishTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "publishTimeout must be at least 1 s: " + publishTimeout);
      }
      if (maxBackoff.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException("maxBackoff must be at least the poll interval");
      }
    }
  }

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final ConfluentAvroSerializer<TimeframeDefinition> serializer;
  private final Settings settings;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Object lifecycle = new Object();
  private Connection lockConnection;
  private Thread loop;
  private volatile boolean running;
  private boolean closed;

  /**
   * A relay with its own producer ({@link #producerProperties}), closed with the relay.
   *
   * @param dataSource the migrated wearflow database; the relay keeps one of its connections while
   *     it holds the lock
   * @param bootstrapServers Kafka's {@code bootstrap.servers}
   * @param topic normally {@code Topics.TIMEFRAMES.name()}
   * @param serializer registered under {@code Topics.TIMEFRAMES.valueSubject()}
   */
  public static TimeframeOutboxRelay create(
      DataSource dataSource,
      String bootstrapServers,
      String topic,
      ConfluentAvroSerializer<TimeframeDefinition> serializer,
      Settings settings) {
    Producer<String, byte[]> producer =
        new KafkaProducer<>(
            producerProperties(bootstrapServers, settings.publishTimeout()),
            new StringSerializer(),
            new ByteArraySerializer());
    return new TimeframeOutboxRelay(dataSource, producer, topic, serializer, settings);
  }

  /** A relay sending through {@code producer}, which the relay closes. */
  public TimeframeOutboxRelay(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      String topic,
      ConfluentAvroSerializer<TimeframeDefinition> serializer,
      Settings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Durable, idempotent and ordered: {@code acks=all}, idempotence, bounded by the timeout. */
  public static Properties producerProperties(String bootstrapServers, Duration publishTimeout) {
    long timeoutMs = publishTimeout.toMillis();
    long lingerMs = 5;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs - lingerMs));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-timeframe-outbox-relay");
    return props;
  }

  /** Starts relaying on a daemon thread; a second call does nothing. */
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("the relay is closed");
      }
      if (loop != null) {
        return;
      }
      running = true;
      loop = new Thread(this::run, "timeframe-outbox-relay");
      loop.setDaemon(true);
      loop.start();
    }
  }

  /**
   * One round: takes the lock if free, then publishes up to one batch and deletes what Kafka
   * acknowledged.
   *
   * @return rows published (0 when another relay holds the lock or the outbox is empty)
   * @throws OutboxRelayException when the database or Kafka failed (acknowledged rows are deleted)
   */
  public synchronized int relayOnce() {
    Connection connection = lockedConnection();
    if (connection == null) {
      return 0;
    }
    List<OutboxEntry> entries = read(connection);
    if (entries.isEmpty()) {
      return 0;
    }
    List<Long> acknowledged = new ArrayList<>(entries.size());
    OutboxRelayException failure = null;
    try {
      send(entries, acknowledged);
    } catch (OutboxRelayException e) {
      failure = e;
    }
    if (!acknowledged.isEmpty()) {
      delete(connection, acknowledged);
      published.addAndGet(acknowledged.size());
    }
    if (failure != null) {
      throw failure;
    }
    return acknowledged.size();
  }

  /** Rows published (and deleted from the outbox) since this relay was created. */
  public long publishedCount() {
    return published.get();
  }

  /** Failed rounds since this relay was created. */
  public long failureCount() {
    return failures.get();
  }

  /** Whether this relay holds the advisory lock (is the one relaying). */
  public synchronized boolean holdsLock() {
    return lockConnection != null;
  }

  @Override
  public void close() {
    Thread stopping;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      running = false;
      stopping = loop;
    }
    if (stopping != null) {
      stopping.interrupt();
      try {
        stopping.join(settings.publishTimeout().toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      releaseLock();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private void run() {
    Duration backoff = settings.pollInterval();
    while (running) {
      Duration pause = settings.pollInterval();
      try {
        int sent = relayOnce();
        backoff = settings.pollInterval();
        if (sent == settings.batchSize()) {
          continue; // more rows are probably waiting
        }
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        failures.incrementAndGet();
        LOG.warn(
            "Timeframe outbox relay failed, retrying in {} ms: {}",
            backoff.toMillis(),
            e.toString());
        pause = backoff;
        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        break;
      }
    }
  }

  /** The connection holding the lock, taking the lock first if needed; null if another holds it. */
  private Connection lockedConnection() {
    if (lockConnection != null) {
      try {
        if (lockConnection.isValid(5)) {
          return lockConnection;
        }
      } catch (SQLException e) {
        // treated as lost below
      }
      LOG.warn("Timeframe outbox relay lost its database connection and with it the lock");
      closeQuietly(lockConnection);
      lockConnection = null;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        statement.setLong(1, LOCK_KEY);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          if (!rows.getBoolean(1)) {
            closeQuietly(connection);
            return null;
          }
        }
      }
      LOG.info("Timeframe outbox relay took the lock and relays");
      lockConnection = connection;
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new OutboxRelayException("cannot take the outbox relay lock", e);
    }
  }

  private List<OutboxEntry> read(Connection connection) {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setInt(1, settings.batchSize());
      List<OutboxEntry> entries = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new OutboxEntry(
                  rows.getLong("id"),
                  rows.getLong("timeframe_id"),
                  "DELETE".equals(rows.getString("op")),
                  rows.getLong("version"),
                  rows.getObject("device_id", Long.class),
                  rows.getObject("athlete_id", Long.class),
                  rows.getObject("activity_id", Long.class),
                  rows.getObject("owner_id", Long.class),
                  instant(rows, "start_time"),
                  instant(rows, "end_time"),
                  rows.getString("params")));
        }
      }
      return entries;
    } catch (SQLException e) {
      dropConnection();
      throw new OutboxRelayException("cannot read the timeframe outbox", e);
    }
  }

  /** Sends every entry and adds, in order, the ids of the acknowledged prefix. */
  private void send(List<OutboxEntry> entries, List<Long> acknowledged) {
    long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
    try {
      List<ProducerRecord<String, byte[]>> records = new ArrayList<>(entries.size());
      for (OutboxEntry entry : entries) {
        TimeframeDefinition value = entry.value();
        records.add(
            new ProducerRecord<>(
                topic, entry.key(), value == null ? null : serializer.serialize(value)));
      }
      for (ProducerRecord<String, byte[]> record : records) {
        acks.add(producer.send(record));
      }
    } catch (RuntimeException e) {
      // Registry or send failure before anything was awaited: wait for what was sent, so that the
      // acknowledged prefix is still deleted, then report.
      awaitPrefix(entries, acks, acknowledged, deadline);
      throw new OutboxRelayException("cannot send the timeframe outbox: " + e.getMessage(), e);
    }
    OutboxRelayException failure = awaitPrefix(entries, acks, acknowledged, deadline);
    if (failure != null) {
      throw failure;
    }
  }

  private OutboxRelayException awaitPrefix(
      List<OutboxEntry> entries,
      List<Future<RecordMetadata>> acks,
      List<Long> acknowledged,
      long deadline) {
    for (int i = 0; i < acks.size(); i++) {
      try {
        acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(entries.get(i).id());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new OutboxRelayException("interrupted while waiting for Kafka", e);
      } catch (ExecutionException e) {
        return new OutboxRelayException("Kafka refused a timeframe: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        return new OutboxRelayException(
            "Kafka did not acknowledge within " + settings.publishTimeout().toMillis() + " ms", e);
      }
    }
    return null;
  }

  private void delete(Connection connection, List<Long> ids) {
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM timeframe_outbox WHERE id = ANY (?)")) {
      Array array = connection.createArrayOf("bigint", ids.toArray());
      statement.setArray(1, array);
      statement.executeUpdate();
    } catch (SQLException e) {
      // The rows stay and are published again: a duplicate, never a loss.
      dropConnection();
      throw new OutboxRelayException("cannot delete published outbox rows", e);
    }
  }

  private void dropConnection() {
    releaseLock();
  }

  private void releaseLock() {
    if (lockConnection == null) {
      return;
    }
    try (PreparedStatement statement =
        lockConnection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, LOCK_KEY);
      statement.execute();
    } catch (SQLException e) {
      // A broken connection has lost the lock with its session.
    }
    closeQuietly(lockConnection);
    lockConnection = null;
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing to do
    }
  }
}
