package io.wearflow.infra.simulate;

import java.time.Duration;
import java.util.List;

/**
 * Options of {@code ./wearflow simulate fleet}.
 *
 * @param url the HTTP API's base URL
 * @param devices simulated devices, one user each
 * @param days days of data each device sends, ending now (1 to 8)
 * @param threads devices sending at the same time
 * @param seed makes a run reproducible
 * @param duplicateRate share of batches sent a second time unchanged
 * @param correctionRate share of batches re-sent later with one corrected value
 * @param lateRate share of batches held back and sent after all others
 * @param tooLate whether some devices also send points 9 days old (expected in dead-letters)
 * @param zones the IANA zones the devices' users live in, assigned round-robin
 * @param timeout how long to wait for the actigraphy to show everything sent
 */
record FleetOptions(
    String url,
    int devices,
    int days,
    int threads,
    long seed,
    double duplicateRate,
    double correctionRate,
    double lateRate,
    boolean tooLate,
    List<String> zones,
    Duration timeout) {

  static final String USAGE =
      """
      Usage: ./wearflow simulate fleet [options]

      Simulated devices push per-minute steps, distance and calories (PUT /api/0.1/activity_timeseries/)
      and heart-rate samples (POST /api/v1.1/samples) for their users, with time zones (some users
      travel, some start their day at 04:00), DST changes where the window holds one, late,
      duplicated and corrected batches; then the simulator waits for /api/0.1/actigraphy/ and prints
      what it sent next to what wearflow computed, user-day by user-day.

      Options:
        --url URL              HTTP API (default http://localhost:$WEARFLOW_HTTP_PORT or :8080)
        --devices N            simulated devices, one user each (default 10)
        --days N               days of data, ending now, 1 to 8 (default 7)
        --threads N            devices sending at once (default 4)
        --seed N               random seed (default 1)
        --duplicates RATE      share of batches sent twice (default 0.1)
        --corrections RATE     share of batches re-sent with one corrected value (default 0.05)
        --late RATE            share of batches sent last, days late (default 0.2)
        --no-too-late          do not send points 9 days old
        --zones Z1,Z2,...      users' IANA zones (default Europe/Berlin,America/New_York,
                               Asia/Dubai,Australia/Sydney,Asia/Kolkata,UTC)
        --timeout DURATION     wait for the results at most this long, e.g. 120s (default 120s)
      """;

  static FleetOptions parse(List<String> args) {
    String port = System.getenv().getOrDefault("WEARFLOW_HTTP_PORT", "8080");
    String url = "http://localhost:" + port;
    int devices = 10;
    int days = 7;
    int threads = 4;
    long seed = 1;
    double duplicates = 0.1;
    double corrections = 0.05;
    double late = 0.2;
    boolean tooLate = true;
    List<String> zones =
        List.of(
            "Europe/Berlin",
            "America/New_York",
            "Asia/Dubai",
            "Australia/Sydney",
            "Asia/Kolkata",
            "UTC");
    Duration timeout = Duration.ofSeconds(120);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--url" -> url = value(args, ++i, arg);
        case "--devices" -> devices = intValue(args, ++i, arg, 1, 100_000);
        case "--days" -> days = intValue(args, ++i, arg, 1, 8);
        case "--threads" -> threads = intValue(args, ++i, arg, 1, 256);
        case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
        case "--duplicates" -> duplicates = rate(args, ++i, arg);
        case "--corrections" -> corrections = rate(args, ++i, arg);
        case "--late" -> late = rate(args, ++i, arg);
        case "--no-too-late" -> tooLate = false;
        case "--zones" -> zones = List.of(value(args, ++i, arg).split(","));
        case "--timeout" -> timeout = duration(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    for (String zone : zones) {
      java.time.ZoneId.of(zone);
    }
    return new FleetOptions(
        url, devices, days, threads, seed, duplicates, corrections, late, tooLate, zones, timeout);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int intValue(List<String> args, int i, String option, int min, int max) {
    int value = Integer.parseInt(value(args, i, option));
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be " + min + " to " + max);
    }
    return value;
  }

  private static double rate(List<String> args, int i, String option) {
    double value = Double.parseDouble(value(args, i, option));
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " must be 0 to 1");
    }
    return value;
  }

  private static Duration duration(String text) {
    if (text.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    if (text.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    return Duration.parse(text);
  }
}
