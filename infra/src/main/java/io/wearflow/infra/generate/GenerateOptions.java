package io.wearflow.infra.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Options of {@code ./wearflow generate activities}.
 *
 * @param out directory the files are written to
 * @param weeks weeks of training, ending with the week of {@code end}
 * @param seed makes a run reproducible: same options, same bytes
 * @param end last day of the season (sessions after it are left out)
 * @param csvShare share of the activities written as CSV instead of FIT, 0 to 1
 * @param uploadUrl base URL of a running wearflow to upload the files to, or null
 * @param username account the files are uploaded for
 * @param password its password
 */
record GenerateOptions(
    Path out,
    int weeks,
    long seed,
    LocalDate end,
    double csvShare,
    String uploadUrl,
    String username,
    String password) {

  static final String USAGE =
      """
      Usage: ./wearflow generate activities [options]

      Writes a season of recorded rides and runs of one simulated athlete (FTP about 250 W rising
      5-8 %, max HR 185, threshold pace 4:10 min/km) as FIT files (Garmin FIT SDK) and CSV files:
      4-6 sessions a week (interval rides with 4-8 min efforts at 105-120 % FTP and sprints,
      endurance rides of 1.5-4 h, easy, tempo and long runs), every fourth week a recovery week,
      1 Hz power, heart rate, speed, cadence, altitude, distance and temperature, laps. The athlete
      lives in Europe/Berlin and spends one week at a camp in America/Denver. Files go into one
      folder per sport (<out>/cycling, <out>/running), named <local start>-<kind>.fit or .csv.

      Options:
        --out DIR              output directory (default data/generated-activities)
        --weeks N              weeks of training, 1 to 104 (default 26)
        --seed N               random seed (default 1): same options, same files
        --end DATE             last day of the season, yyyy-mm-dd (default today)
        --csv-share RATE       share of activities written as CSV, 0 to 1 (default 0.3)
        --upload URL           afterwards upload the files to this wearflow, e.g.
                               http://localhost:8080, in batches of up to 10 (CSV batched by sport)
        --username NAME        account to upload for (with --upload)
        --password PASSWORD    its password (with --upload)
      """;

  static GenerateOptions parse(List<String> args) {
    Path out = Path.of("data", "generated-activities");
    int weeks = 26;
    long seed = 1;
    LocalDate end = LocalDate.now(SeasonPlan.HOME);
    double csvShare = 0.3;
    String url = null;
    String username = null;
    String password = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--weeks" -> weeks = intValue(args, ++i, arg, 1, 104);
        case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
        case "--end" -> end = LocalDate.parse(value(args, ++i, arg));
        case "--csv-share" -> csvShare = rate(args, ++i, arg);
        case "--upload" -> url = value(args, ++i, arg);
        case "--username" -> username = value(args, ++i, arg);
        case "--password" -> password = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (url != null && (username == null || password == null)) {
      throw new IllegalArgumentException("--upload needs --username and --password");
    }
    return new GenerateOptions(out, weeks, seed, end, csvShare, url, username, password);
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
}
