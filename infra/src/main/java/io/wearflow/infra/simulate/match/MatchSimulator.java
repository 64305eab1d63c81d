package io.wearflow.infra.simulate.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.infra.client.WearflowClient.Response;
import io.wearflow.infra.simulate.match.MatchPlan.Player;
import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeMetrics;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./wearflow simulate match} (see {@link MatchOptions#USAGE}): sets a match up through the
 * API, streams every player's frames, prints live computed data while it runs, and finally compares
 * every timeframe's computed data with {@link TimeframeMetrics} run here over exactly the frames
 * the edge acknowledged. Exit status 0 when all match.
 */
public final class MatchSimulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-9;

  private final MatchOptions options;
  private final WearflowClient client;
  private final PrintStream out;
  private final long tickMillis;
  private final AtomicLong framesSent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  /** A player on the field with what the simulator created for him and its own computation. */
  private static final class Entry {
    final Player player;
    final PlayerTrack track;
    long athlete;
    long device;
    long timeframe;
    TimeframeMetrics expected;
    long nextTick;

    Entry(Player player, PlayerTrack track) {
      this.player = player;
      this.track = track;
    }
  }

  MatchSimulator(MatchOptions options, PrintStream out) {
    this.options = options;
    this.client = new WearflowClient(options.url());
    this.out = out;
    this.tickMillis = 1000 / options.rateHz();
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(MatchOptions.USAGE);
      return;
    }
    MatchOptions options;
    try {
      options = MatchOptions.parse(List.of(args), defaultAdminPassword());
    } catch (RuntimeException e) {
      System.err.println("wearflow simulate match: " + e.getMessage());
      System.err.println();
      System.err.print(MatchOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      System.exit(new MatchSimulator(options, System.out).run() ? 0 : 1);
    } catch (RuntimeException e) {
      System.err.println("wearflow simulate match: " + e.getMessage());
      System.exit(1);
    }
  }

  private static String defaultAdminPassword() {
    String fromEnv = System.getenv("WEARFLOW_ADMIN_PASSWORD");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String dataDir = System.getenv().getOrDefault("WEARFLOW_DATA_DIR", "data");
    Path file = Path.of(dataDir, "secrets", "admin-password");
    try {
      return Files.exists(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Runs the match; true when every timeframe's computed data matched. */
  boolean run() {
    long duration = options.duration().toMillis();
    MatchPlan plan =
        MatchPlan.of(options.players(), options.substitutes(), duration, options.seed());
    String run = UUID.randomUUID().toString().substring(0, 8);
    MatchSetup setup = MatchSetup.createManager(client, options.adminPassword(), run);
    String token = setup.token();
    long activity =
        setup.createActivity("Simulated match " + run, "Simulated Home", "Simulated Away");
    out.printf(
        "Match %s: activity %d, manager %s (id %d), %d players, %d Hz, %s%n",
        run,
        activity,
        setup.managerName(),
        setup.managerId(),
        plan.players().size(),
        options.rateHz(),
        options.fast() ? "fast (frames in the past)" : "live");

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant kickoff = options.fast() ? now.minusMillis(duration + 60_000) : now.plusSeconds(10);
    List<Entry> entries = new ArrayList<>();
    for (Player player : plan.players()) {
      Entry entry =
          new Entry(
              player,
              new PlayerTrack(options.seed() * 1000 + entries.size(), options.rateHz(), 25));
      long start = kickoff.toEpochMilli() + player.onMillis();
      long end = kickoff.toEpochMilli() + player.offMillis();
      MatchSetup.PlayerIds ids =
          setup.createPlayer(activity, player.label(), options.rateHz(), start, end);
      entry.athlete = ids.athlete();
      entry.device = ids.device();
      entry.timeframe = ids.timeframe();
      entry.expected = new TimeframeMetrics(start, end, TimeframeParams.fromJson(Map.of()));
      entry.nextTick = player.sendFromMillis();
      entries.add(entry);
    }
    out.printf(
        "Created %d athletes, devices and timeframes; kick-off %s, %s of play%n",
        entries.size(), kickoff, options.duration());

    stream(entries, kickoff.toEpochMilli(), duration, token);
    return compare(entries, token);
  }

  /** Sends every device's frames, live (one batch per device per second) or as fast as possible. */
  private void stream(List<Entry> entries, long kickoff, long duration, String token) {
    long batchMillis = options.fast() ? 10_000 : 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      long lastReport = 0;
      for (long from = 0; from <= duration; from += batchMillis) {
        long to = Math.min(duration, from + batchMillis - 1);
        if (!options.fast()) {
          sleepUntil(kickoff + to + 1);
        }
        List<Future<?>> pending = new ArrayList<>();
        for (Entry entry : entries) {
          long batchTo = Math.min(to, entry.player.offMillis());
          if (entry.nextTick > batchTo) {
            continue;
          }
          pending.add(pool.submit(() -> sendBatch(entry, kickoff, batchTo, token)));
        }
        for (Future<?> future : pending) {
          future.get();
        }
        if (to - lastReport >= 10_000 || to >= duration) {
          lastReport = to;
          report(entries.get(0), to, token);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sends one device's frames from its next tick to {@code to} (offsets, inclusive). */
  private void sendBatch(Entry entry, long kickoff, long to, String token) {
    List<PlayerTrack.Point> points = new ArrayList<>();
    for (long t = entry.nextTick; t <= to; t += tickMillis) {
      points.add(entry.track.next(kickoff + t));
    }
    entry.nextTick += points.size() * tickMillis;
    ArrayNode frames = JSON.createArrayNode();
    for (PlayerTrack.Point p : points) {
      frames
          .addObject()
          .put("timestamp", p.timestamp())
          .put("x", p.x())
          .put("y", p.y())
          .put("speed", p.speed())
          .put("heart_rate", p.heartRate());
    }
    ObjectNode body = WearflowClient.object();
    body.set("frames", frames);
    String path = MatchSetup.framesPath(entry.device);
    Response response = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      response = client.post(path, token, body);
      requests.incrementAndGet();
      if (response.status() != 503) {
        break;
      }
      sleepUntil(System.currentTimeMillis() + 1000L * attempt);
    }
    response.orThrow("sending frames of " + entry.player.label());
    for (PlayerTrack.Point p : points) {
      entry.expected.add(Frame.metres(p.timestamp(), p.x(), p.y(), p.speed(), p.heartRate()));
    }
    framesSent.addAndGet(points.size());
  }

  private void report(Entry watched, long at, String token) {
    Response live = client.get(computedDataPath(watched), token);
    String liveText =
        live.ok()
            ? String.format(
                "%s: %.1f m computed live (%.1f m sent)",
                watched.player.label(),
                live.body().path("total_distance").asDouble(),
                watched.expected.snapshot(0).totalDistance())
            : watched.player.label() + ": no computed data yet (" + live.status() + ")";
    out.printf(
        "t+%3ds  %,9d frames in %,7d requests   %s%n",
        at / 1000, framesSent.get(), requests.get(), liveText);
  }

  private static String computedDataPath(Entry entry) {
    return MatchSetup.computedDataPath(entry.timeframe);
  }

  /** Waits until every timeframe's computed data equals the simulator's; prints the table. */
  private boolean compare(List<Entry> entries, String token) {
    long deadline = System.currentTimeMillis() + options.timeout().toMillis();
    List<String> differences = new ArrayList<>();
    out.println("Waiting for the final computed data ...");
    List<Entry> open = new ArrayList<>(entries);
    Map<Long, JsonNode> actual = new java.util.HashMap<>();
    while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
      for (Iterator<Entry> it = open.iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        Response response = client.get(computedDataPath(entry), token);
        if (!response.ok()) {
          continue;
        }
        actual.put(entry.timeframe, response.body());
        if (differences(entry, response.body()).isEmpty()) {
          it.remove();
        }
      }
      if (!open.isEmpty()) {
        sleepUntil(System.currentTimeMillis() + 1000);
      }
    }
    out.println();
    out.printf(
        "%-9s %6s %12s %12s %9s %8s %8s %7s  %s%n",
        "player",
        "min",
        "distance m",
        "computed m",
        "max m/s",
        "sprints",
        "accel>2",
        "hr avg",
        "result");
    double teamDistance = 0;
    for (Entry entry : entries) {
      var expected = entry.expected.snapshot(0);
      JsonNode got = actual.get(entry.timeframe);
      List<String> diff = got == null ? List.of("no computed data") : differences(entry, got);
      teamDistance += expected.totalDistance();
      out.printf(
          "%-9s %6.1f %12.1f %12s %9.2f %8d %8d %7.0f  %s%n",
          entry.player.label(),
          (entry.player.offMillis() - entry.player.onMillis()) / 60_000.0,
          expected.totalDistance(),
          got == null ? "-" : String.format("%.1f", got.path("total_distance").asDouble()),
          expected.maxSpeed(),
          expected.sprint().isEmpty() ? 0 : expected.sprint().get(0).values().size(),
          expected.accelerations().isEmpty() ? 0 : expected.accelerations().get(0).values().size(),
          expected.hrAvg(),
          diff.isEmpty() ? "equal" : "DIFFERENT");
      for (String d : diff.subList(0, Math.min(3, diff.size()))) {
        differences.add(entry.player.label() + ": " + d);
      }
    }
    out.printf("%nBoth teams ran %.1f km in total.%n", teamDistance / 1000);
    if (differences.isEmpty()) {
      out.printf(
          "All %d timeframes equal the simulator's computation over the %,d frames sent.%n",
          entries.size(), framesSent.get());
      return true;
    }
    out.println("Differences (first three per player):");
    differences.forEach(d -> out.println("  " + d));
    return false;
  }

  private List<String> differences(Entry entry, JsonNode actual) {
    JsonNode expected = JSON.valueToTree(entry.expected.snapshot(0).toJson());
    List<String> out = new ArrayList<>();
    compare(expected, actual, "", out);
    return out;
  }

  private static void compare(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (path.equals("/last_computation")) {
      return;
    }
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.asDouble();
      double a = actual.asDouble();
      if (Math.abs(e - a) > TOLERANCE * Math.max(1, Math.abs(e))) {
        out.add(path + ": expected " + e + ", got " + a);
      }
    } else if (expected.isObject() && actual.isObject()) {
      expected
          .fieldNames()
          .forEachRemaining(f -> compare(expected.get(f), actual.path(f), path + "/" + f, out));
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": expected " + expected.size() + " items, got " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "/" + i, out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static void sleepUntil(long epochMillis) {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
