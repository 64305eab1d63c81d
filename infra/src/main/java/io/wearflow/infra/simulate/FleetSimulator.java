package io.wearflow.infra.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.infra.client.WearflowClient.Response;
import io.wearflow.infra.simulate.ExpectedDays.Day;
import io.wearflow.infra.simulate.FleetPlan.Batch;
import io.wearflow.infra.simulate.FleetPlan.Kind;
import io.wearflow.infra.simulate.FleetPlan.Point;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./wearflow simulate fleet}: a fleet of simulated devices against a running wearflow (see
 * {@link FleetOptions#USAGE}). Each device registers its user, sets the user's time zone, sends its
 * batches in its own order (devices in parallel), then the simulator polls the actigraphy endpoint
 * until every user-day equals its own independent computation ({@link ExpectedDays}) or the timeout
 * passes, and prints both side by side. Exit status 0 when everything matched.
 */
public final class FleetSimulator {

  static final String SERIES_PATH = "/api/0.1/activity_timeseries/";
  static final String SAMPLES_PATH = "/api/v1.1/samples";
  static final String TIMEZONE_PATH = "/api/v1/me/timezone";
  static final String ACTIGRAPHY_PATH = "/api/0.1/actigraphy/";
  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private final FleetOptions options;
  private final WearflowClient client;
  private final PrintStream out;
  private final Map<String, String> tokens = new HashMap<>();

  FleetSimulator(FleetOptions options, PrintStream out) {
    this.options = options;
    this.client = new WearflowClient(options.url());
    this.out = out;
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(FleetOptions.USAGE);
      return;
    }
    FleetOptions options;
    try {
      options = FleetOptions.parse(List.of(args));
    } catch (RuntimeException e) {
      System.err.println("wearflow simulate fleet: " + e.getMessage());
      System.err.println();
      System.err.print(FleetOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      System.exit(new FleetSimulator(options, System.out).run() ? 0 : 1);
    } catch (RuntimeException e) {
      System.err.println("wearflow simulate fleet: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the simulation; true when wearflow's results equal the expected ones. */
  boolean run() {
    Instant now = Instant.now();
    FleetPlan plan = new FleetPlan(options, now);
    String runId = Long.toString(now.getEpochSecond() % 1_000_000, 36);
    List<SimulatedUser> users = plan.users(runId);
    List<List<Batch>> batches = plan.batches(users);
    out.printf(
        "Simulating %d devices, %s to %s, against %s (seed %d)%n",
        users.size(), plan.windowStart(), plan.windowEnd(), options.url(), options.seed());
    describeTime(users, plan);
    for (SimulatedUser user : users) {
      setUp(user);
    }
    long started = System.nanoTime();
    long[] sent = send(batches);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "Sent %,d requests with %,d measurements in %.1f s (%,.0f measurements/s): %d duplicated"
            + " and %d corrected batches, %d sent late, %d points 9 days old (expected in"
            + " dead-letters, not in the results)%n",
        sent[0],
        sent[1],
        seconds,
        sent[1] / seconds,
        plan.duplicates,
        plan.corrections,
        plan.late,
        plan.tooLatePoints);
    Map<SimulatedUser, Map<LocalDate, Day>> expected = new java.util.LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      expected.put(users.get(i), ExpectedDays.of(users.get(i), batches.get(i)));
    }
    return compare(expected, plan);
  }

  private void describeTime(List<SimulatedUser> users, FleetPlan plan) {
    List<String> transitions = new ArrayList<>();
    for (String zone : options.zones()) {
      ZoneOffsetTransition next =
          ZoneId.of(zone).getRules().nextTransition(plan.windowStart().minusSeconds(1));
      if (next != null && next.getInstant().isBefore(plan.windowEnd())) {
        transitions.add(zone + " at " + next.getDateTimeBefore() + " (" + next + ")");
      }
    }
    out.println(
        "DST changes inside the window: "
            + (transitions.isEmpty()
                ? "none (pick --zones with a change in the last 8 days to cover one)"
                : String.join("; ", transitions)));
    for (SimulatedUser user : users) {
      if (user.movesTo() != null) {
        out.printf(
            "Traveller %s moves from %s to %s at %s%n",
            user.username(), user.zone(), user.movesTo(), user.movesAt());
      }
    }
  }

  private void setUp(SimulatedUser user) {
    client.registerAthlete(
        user.username(), user.username() + "@fleet.example", SimulatedUser.PASSWORD);
    String token = client.token(user.username(), SimulatedUser.PASSWORD);
    tokens.put(user.username(), token);
    putZone(token, user.zone(), Instant.now().minus(Duration.ofDays(30)), user.dayStartHour());
    if (user.movesTo() != null) {
      putZone(token, user.movesTo(), user.movesAt(), user.dayStartHour());
    }
  }

  private void putZone(String token, ZoneId zone, Instant from, int dayStartHour) {
    ObjectNode body =
        WearflowClient.object()
            .put("time_zone", zone.getId())
            .put("effective_from", from.toString())
            .put("day_start_hour", dayStartHour);
    client.put(TIMEZONE_PATH, token, body).orThrow("setting the time zone");
  }

  /** Sends every device's batches in its order, devices in parallel; [requests, measurements]. */
  private long[] send(List<List<Batch>> batches) {
    long total = batches.stream().mapToLong(List::size).sum();
    AtomicLong requests = new AtomicLong();
    AtomicLong measurements = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<?>> devices = new ArrayList<>();
      for (List<Batch> device : batches) {
        devices.add(
            pool.submit(
                () -> {
                  for (Batch batch : device) {
                    Response response = sendBatch(batch);
                    if (!response.ok()) {
                      failures.add(
                          batch.label() + ": " + response.status() + " " + response.text());
                    }
                    requests.incrementAndGet();
                    measurements.addAndGet(batch.points().size());
                  }
                }));
      }
      long lastPrint = System.nanoTime();
      for (Future<?> device : devices) {
        while (!device.isDone()) {
          Thread.sleep(200);
          if (System.nanoTime() - lastPrint > 3_000_000_000L) {
            out.printf("  sent %,d / %,d requests%n", requests.get(), total);
            lastPrint = System.nanoTime();
          }
        }
        device.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("sending failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    if (!failures.isEmpty()) {
      out.printf("%d requests failed, e.g.:%n", failures.size());
      failures.stream().limit(5).forEach(f -> out.println("  " + f));
      throw new IllegalStateException("the API refused part of the fleet's data");
    }
    return new long[] {requests.get(), measurements.get()};
  }

  private Response sendBatch(Batch batch) {
    String token = tokens.get(batch.user().username());
    if (batch.kind() == Kind.TIME_SERIES) {
      ObjectNode body =
          WearflowClient.object()
              .put("recorder_type_key", "wearflow-sim-band")
              .put("recorder_identifier", "SIM-" + batch.user().index());
      ObjectNode series = body.putObject("time_series");
      for (Point point : batch.points()) {
        ArrayNode values =
            series.has(point.series())
                ? (ArrayNode) series.get(point.series()).get("values")
                : series.putObject(point.series()).putArray("values");
        values.addArray().add(point.start().getEpochSecond()).add(point.value());
      }
      return client.put(SERIES_PATH, token, body);
    }
    ObjectNode body = WearflowClient.object().put("data_type", "bpm");
    ArrayNode data = body.putArray("data");
    for (Point point : batch.points()) {
      var offset = batch.user().offsetAt(point.start());
      data.addObject()
          .put("device_name", "wearflow-sim-watch")
          .put("device_version", "1.0")
          .put(
              "start_date", OffsetDateTime.ofInstant(point.start(), offset).format(ISO_WITH_OFFSET))
          .put("end_date", OffsetDateTime.ofInstant(point.end(), offset).format(ISO_WITH_OFFSET))
          .put("value", point.value())
          .put("unit", "count/min");
    }
    return client.post(SAMPLES_PATH, token, body);
  }

  /** Polls the actigraphy until it equals the expected days or the timeout passes; prints both. */
  private boolean compare(Map<SimulatedUser, Map<LocalDate, Day>> expected, FleetPlan plan) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    Map<SimulatedUser, Map<LocalDate, Day>> actual = new HashMap<>();
    int expectedDays = expected.values().stream().mapToInt(Map::size).sum();
    long lastPrint = 0;
    boolean allSame;
    while (true) {
      allSame = true;
      int equal = 0;
      for (var entry : expected.entrySet()) {
        SimulatedUser user = entry.getKey();
        Map<LocalDate, Day> days = actual.get(user);
        if (days == null || !same(entry.getValue(), days)) {
          days = actigraphy(user, plan);
          actual.put(user, days);
        }
        allSame &= same(entry.getValue(), days);
        for (var day : entry.getValue().entrySet()) {
          equal += same(day.getValue(), days.get(day.getKey())) ? 1 : 0;
        }
      }
      if (allSame || System.nanoTime() > deadline) {
        break;
      }
      if (System.nanoTime() - lastPrint > 3_000_000_000L) {
        out.printf("  waiting for the results: %d of %d user-days match%n", equal, expectedDays);
        lastPrint = System.nanoTime();
      }
      sleep(500);
    }
    report(expected, actual);
    return allSame;
  }

  private Map<LocalDate, Day> actigraphy(SimulatedUser user, FleetPlan plan) {
    // Three days more than the window: the 9-day-old points must not show up there either.
    LocalDate from = LocalDate.ofInstant(plan.windowStart(), java.time.ZoneOffset.UTC).minusDays(3);
    LocalDate to = LocalDate.ofInstant(plan.windowEnd(), java.time.ZoneOffset.UTC).plusDays(1);
    Response response =
        client
            .get(
                ACTIGRAPHY_PATH + "?start_date=" + from + "&end_date=" + to,
                tokens.get(user.username()))
            .orThrow("reading the actigraphy of " + user.username());
    Map<LocalDate, Day> days = new TreeMap<>();
    for (JsonNode day : response.body().path("days")) {
      JsonNode heart = day.path("heart_rate");
      days.put(
          LocalDate.parse(day.path("date").asText()),
          new Day(
              day.path("steps").asDouble(),
              day.path("distance").asDouble(),
              day.path("calories").asDouble(),
              heart.isObject() ? heart.path("min").asDouble() : null,
              heart.isObject() ? heart.path("max").asDouble() : null,
              heart.isObject() ? heart.path("mean").asDouble() : null,
              0));
    }
    return days;
  }

  private static boolean same(Map<LocalDate, Day> expected, Map<LocalDate, Day> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      return false;
    }
    return expected.entrySet().stream().allMatch(e -> same(e.getValue(), actual.get(e.getKey())));
  }

  static boolean same(Day expected, Day actual) {
    return actual != null
        && close(expected.steps(), actual.steps())
        && close(expected.distance(), actual.distance())
        && close(expected.calories(), actual.calories())
        && close(expected.bpmMin(), actual.bpmMin())
        && close(expected.bpmMax(), actual.bpmMax())
        && close(expected.bpmMean(), actual.bpmMean());
  }

  private static boolean close(Double expected, Double actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    return Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));
  }

  private void report(
      Map<SimulatedUser, Map<LocalDate, Day>> expected,
      Map<SimulatedUser, Map<LocalDate, Day>> actual) {
    out.println();
    out.printf(
        "%-18s %-10s %23s %23s %27s %15s%n",
        "user", "date", "steps sent | wearflow", "distance m", "calories J", "bpm min-max");
    int shown = 0;
    int equal = 0;
    int different = 0;
    int missing = 0;
    int unexpected = 0;
    double[] totals = new double[6];
    boolean first = true;
    for (var entry : expected.entrySet()) {
      SimulatedUser user = entry.getKey();
      Map<LocalDate, Day> got = actual.getOrDefault(user, Map.of());
      for (var day : entry.getValue().entrySet()) {
        Day want = day.getValue();
        Day have = got.get(day.getKey());
        boolean ok = same(want, have);
        if (ok) {
          equal++;
        } else if (have == null) {
          missing++;
        } else {
          different++;
        }
        totals[0] += want.steps();
        totals[2] += want.distance();
        totals[4] += want.calories();
        if (have != null) {
          totals[1] += have.steps();
          totals[3] += have.distance();
          totals[5] += have.calories();
        }
        if ((first || !ok) && shown < 40) {
          out.printf(
              "%-18s %-10s %23s %23s %27s %15s %s%n",
              user.username(),
              day.getKey(),
              pair(want.steps(), have == null ? null : have.steps()),
              pair(want.distance(), have == null ? null : have.distance()),
              pair(want.calories(), have == null ? null : have.calories()),
              want.bpmMin() == null
                  ? "-"
                  : String.format("%.0f-%.0f", want.bpmMin(), want.bpmMax()),
              ok ? "ok" : have == null ? "MISSING" : "DIFFERENT " + have);
          shown++;
        }
      }
      for (LocalDate day : got.keySet()) {
        if (!entry.getValue().containsKey(day)) {
          unexpected++;
          out.printf("%-18s %-10s UNEXPECTED %s%n", user.username(), day, got.get(day));
        }
      }
      first = false;
    }
    out.println();
    out.printf(
        "Totals, sent | wearflow: steps %s, distance %s m, calories %s J%n",
        pair(totals[0], totals[1]), pair(totals[2], totals[3]), pair(totals[4], totals[5]));
    out.printf(
        "User-days: %d expected, %d equal, %d different, %d missing, %d unexpected%n",
        equal + different + missing, equal, different, missing, unexpected);
    out.println(
        different + missing + unexpected == 0
            ? "Every user-day matches what the devices sent."
            : "MISMATCH: wearflow's actigraphy differs from what the devices sent.");
  }

  private static String pair(double sent, Double got) {
    return String.format("%,.0f | %s", sent, got == null ? "-" : String.format("%,.0f", got));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
