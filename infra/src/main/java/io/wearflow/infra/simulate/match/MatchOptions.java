package io.wearflow.infra.simulate.match;

import java.time.Duration;
import java.util.List;

/**
 * Options of {@code ./wearflow simulate match}.
 *
 * @param url base URL of a running wearflow edge
 * @param adminPassword password of the {@code admin} account (creates the match's manager)
 * @param players players per team on the pitch
 * @param substitutes substitutions per team (each replaces a starter at a random minute)
 * @param duration length of the simulated period (a half, a drill)
 * @param rateHz frames per second per device
 * @param fast whether to send the frames as fast as possible (timestamps in the past) instead of
 *     live, one batch per device per second
 * @param seed random seed of the movements
 * @param timeout how long to wait for the final computed data after the last frame
 */
public record MatchOptions(
    String url,
    String adminPassword,
    int players,
    int substitutes,
    Duration duration,
    int rateHz,
    boolean fast,
    long seed,
    Duration timeout) {

  static final String USAGE =
      """
      Usage: ./wearflow simulate match [options]

      Simulates a match against a running wearflow (./wearflow up): creates a manager (with the
      admin account), two teams of managed athletes with one tracking device each, a soccer
      activity and one timeframe per player's time on the pitch, then streams 10 Hz frames
      (position in metres, speed, heart rate) to POST /v1/devices/{device}/frames. Players jog,
      accelerate, sprint and decelerate. Live computed data is printed while the match runs; at
      the end every timeframe's computed data is compared with the simulator's own computation
      over the frames it sent. Exit status 0 when all match.

      Options:
        --url URL             edge base URL (default http://localhost:8080)
        --admin-password PW   admin password (default: $WEARFLOW_ADMIN_PASSWORD, else
                              <data dir>/secrets/admin-password)
        --players N           players per team on the pitch (default 11)
        --substitutes N       substitutions per team (default 3)
        --duration D          simulated period, e.g. 90s, 5m, 45m (default 2m)
        --rate HZ             frames per second per device, 1-25 (default 10)
        --fast                send as fast as possible (frames in the past) instead of live
        --seed N              random seed (default 7)
        --timeout D           wait this long for the final computed data (default 2m)
      """;

  public MatchOptions {
    if (players < 1 || substitutes < 0 || substitutes > players) {
      throw new IllegalArgumentException("players must be >= 1 and substitutes 0..players");
    }
    if (rateHz < 1 || rateHz > 25) {
      throw new IllegalArgumentException("--rate must be 1 to 25");
    }
    if (duration.toSeconds() < 10 || duration.toHours() > 3) {
      throw new IllegalArgumentException("--duration must be 10 s to 3 h");
    }
  }

  static MatchOptions parse(List<String> args, String defaultAdminPassword) {
    String url = "http://localhost:8080";
    String adminPassword = defaultAdminPassword;
    int players = 11;
    int substitutes = 3;
    Duration duration = Duration.ofMinutes(2);
    int rate = 10;
    boolean fast = false;
    long seed = 7;
    Duration timeout = Duration.ofMinutes(2);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--url" -> url = value(args, ++i, arg);
        case "--admin-password" -> adminPassword = value(args, ++i, arg);
        case "--players" -> players = Integer.parseInt(value(args, ++i, arg));
        case "--substitutes" -> substitutes = Integer.parseInt(value(args, ++i, arg));
        case "--duration" -> duration = duration(value(args, ++i, arg));
        case "--rate" -> rate = Integer.parseInt(value(args, ++i, arg));
        case "--fast" -> fast = true;
        case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
        case "--timeout" -> timeout = duration(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (adminPassword == null || adminPassword.isEmpty()) {
      throw new IllegalArgumentException(
          "no admin password: pass --admin-password or set WEARFLOW_ADMIN_PASSWORD");
    }
    return new MatchOptions(
        url, adminPassword, players, substitutes, duration, rate, fast, seed, timeout);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  static Duration duration(String text) {
    if (text.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    if (text.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    if (text.endsWith("h")) {
      return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    return Duration.parse(text);
  }
}
