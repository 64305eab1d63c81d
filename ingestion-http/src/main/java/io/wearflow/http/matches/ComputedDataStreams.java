package io.wearflow.http.matches;

import io.wearflow.connectors.postgres.ComputedData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open computed-data streams and the one poller they share: every {@code pollInterval} (50 ms
 * in production) a single query reads the latest computed data of every timeframe with an open
 * stream ({@link ComputedDataReads#latest}), and each stream's {@link ComputedDataFeed} decides
 * what to send; every {@code keepAliveInterval} (15 s) each stream gets a comment, which also
 * detects clients that went away. The read side reads only the table, never Kafka. The poller
 * thread (a daemon) runs while at least one stream is open.
 */
final class ComputedDataStreams {

  private static final Logger LOG = LoggerFactory.getLogger(ComputedDataStreams.class);

  /** Where one stream's events go (a Server-Sent Events client in production). */
  interface Sink {
    void event(ComputedDataFeed.Event event);

    void comment(String text);

    /** Ends the stream (after its final event). */
    void close();
  }

  /** While polls keep failing, one warning per this many (10 s at the 50 ms poll interval). */
  private static final long FAILURE_LOG_EVERY = 200;

  private final AtomicLong failuresInARow = new AtomicLong();
  private final ComputedDataReads reads;
  private final Duration pollInterval;
  private final Duration keepAliveInterval;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService poller;

  ComputedDataStreams(ComputedDataReads reads, Duration pollInterval, Duration keepAliveInterval) {
    this.reads = reads;
    this.pollInterval = pollInterval;
    this.keepAliveInterval = keepAliveInterval;
  }

  /**
   * Opens a stream of the timeframe: sends its current computed data, if any, at once, then every
   * change; the returned handle must be {@link Stream#close closed} when the client goes away.
   */
  Stream open(long timeframeId, Sink sink) {
    Stream stream = new Stream(new ComputedDataFeed(timeframeId), sink);
    // The response is already committed: a failed first read is left to the next poll.
    guarded(() -> stream.advance(reads.latest(List.of(timeframeId))));
    if (!stream.ended()) {
      streams.add(stream);
      startPoller();
    }
    return stream;
  }

  /** Streams still open, e.g. for tests. */
  int openStreams() {
    return streams.size();
  }

  /** One poll over every open stream. */
  void pollOnce() {
    if (streams.isEmpty()) {
      return;
    }
    List<Long> ids = streams.stream().map(s -> s.feed.timeframeId()).distinct().toList();
    Map<Long, Optional<ComputedData>> latest = reads.latest(ids);
    for (Stream stream : streams) {
      stream.advance(latest);
    }
  }

  void keepAliveOnce() {
    for (Stream stream : streams) {
      stream.keepAlive();
    }
  }

  private synchronized void startPoller() {
    if (poller != null) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "computed-data-poller");
              thread.setDaemon(true);
              return thread;
            });
    poller.scheduleWithFixedDelay(
        () -> guarded(this::pollOnce),
        pollInterval.toMillis(),
        pollInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    poller.scheduleWithFixedDelay(
        () -> guarded(this::keepAliveOnce),
        keepAliveInterval.toMillis(),
        keepAliveInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The poller thread lives only while streams are open. */
  private synchronized void stopPollerIfIdle() {
    if (streams.isEmpty() && poller != null) {
      poller.shutdown();
      poller = null;
    }
  }

  private void guarded(Runnable task) {
    try {
      task.run();
      long failed = failuresInARow.getAndSet(0);
      if (failed > 0) {
        LOG.info("computed-data streams: reading again after {} failed polls", failed);
      }
    } catch (RuntimeException e) {
      // A failed poll (database briefly away, or stopping) is retried at the next tick; streams
      // stay open. The first failure is logged, then one line per FAILURE_LOG_EVERY in a row.
      long failed = failuresInARow.incrementAndGet();
      if (failed == 1 || failed % FAILURE_LOG_EVERY == 0) {
        LOG.warn("computed-data streams: {} ({} failed polls in a row)", e.toString(), failed);
      }
    }
  }

  /** One open stream: its feed and sink, used by the poller and the request thread in turn. */
  final class Stream {

    private final ComputedDataFeed feed;
    private final Sink sink;

    private Stream(ComputedDataFeed feed, Sink sink) {
      this.feed = feed;
      this.sink = sink;
    }

    synchronized boolean ended() {
      return feed.ended();
    }

    /** Forgets the stream (the client went away, or it ended). */
    void close() {
      streams.remove(this);
      stopPollerIfIdle();
    }

    private synchronized void advance(Map<Long, Optional<ComputedData>> latest) {
      Optional<ComputedData> state = latest.get(feed.timeframeId());
      for (ComputedDataFeed.Event event : feed.next(state)) {
        sink.event(event);
      }
      if (feed.ended()) {
        close();
        sink.close();
      }
    }

    private synchronized void keepAlive() {
      if (!feed.ended()) {
        sink.comment("keep-alive");
      }
    }
  }
}
