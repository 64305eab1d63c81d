package io.wearflow.infra.generate;

import io.wearflow.http.activities.files.Sport;
import io.wearflow.infra.generate.ActivityUploader.UploadFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code ./wearflow generate activities} (see {@link GenerateOptions#USAGE}): plans the season,
 * simulates each session, writes it as FIT or CSV (a seeded share as CSV), prints one line per week
 * and a summary, and uploads the files if asked. Exit status 0 when every upload request was
 * accepted.
 */
public final class ActivityGenerator {

  private final GenerateOptions options;
  private final PrintStream out;

  ActivityGenerator(GenerateOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(GenerateOptions.USAGE);
      return;
    }
    GenerateOptions options;
    try {
      options = GenerateOptions.parse(List.of(args));
    } catch (RuntimeException e) {
      System.err.println("wearflow generate activities: " + e.getMessage());
      System.err.println();
      System.err.print(GenerateOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      System.exit(new ActivityGenerator(options, System.out).run() ? 0 : 1);
    } catch (RuntimeException e) {
      String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
      System.err.println("wearflow generate activities: " + e.getMessage() + cause);
      System.exit(1);
    }
  }

  /** Generates (and uploads); true unless an upload request failed. */
  boolean run() {
    List<PlannedSession> plan = SeasonPlan.plan(options.seed(), options.weeks(), options.end());
    Path dir = options.out().toAbsolutePath().normalize();
    out.printf(
        "Generating %d week%s of rides and runs to %s, ending %s (seed %d, %.0f %% CSV)%n",
        options.weeks(),
        options.weeks() == 1 ? "" : "s",
        dir,
        options.end(),
        options.seed(),
        options.csvShare() * 100);
    SplittableRandom formats = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    List<UploadFile> written = new ArrayList<>();
    Totals season = new Totals();
    int next = 0;
    for (int week = 0; week < options.weeks(); week++) {
      Totals totals = new Totals();
      PlannedSession first = null;
      while (next < plan.size() && plan.get(next).week() == week) {
        PlannedSession session = plan.get(next++);
        first = first == null ? session : first;
        boolean csv = formats.nextDouble() < options.csvShare();
        GeneratedActivity activity = SessionSimulator.simulate(session);
        written.add(write(dir, activity, csv));
        totals.add(activity, csv);
      }
      season.add(totals);
      if (first != null) {
        out.printf(
            "week %2d/%d  %s  %d sessions  %5.1f h  %6.1f km  FTP %3.0f W%s%n",
            week + 1,
            options.weeks(),
            first.start().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
            totals.files,
            totals.seconds / 3600.0,
            totals.meters / 1000,
            first.athlete().ftpWatts(),
            first.restWeek()
                ? "  (recovery week)"
                : first.start().getZone().equals(SeasonPlan.HOME)
                    ? ""
                    : "  (camp, " + first.start().getZone() + ")");
      }
    }
    out.printf(
        "Wrote %d files (%d FIT, %d CSV) to %s: %.1f h, %.1f km (rides %.1f km, runs %.1f km)%n",
        season.files,
        season.files - season.csvFiles,
        season.csvFiles,
        dir,
        season.seconds / 3600.0,
        season.meters / 1000,
        season.rideMeters / 1000,
        (season.meters - season.rideMeters) / 1000);
    if (options.uploadUrl() == null) {
      return true;
    }
    ActivityUploader uploader = new ActivityUploader(options.uploadUrl(), out);
    return uploader.upload(written, options.username(), options.password()) == 0;
  }

  /** Writes one activity under {@code <dir>/<sport>/}. */
  static UploadFile write(Path dir, GeneratedActivity activity, boolean csv) {
    Sport sport = activity.session().kind().sport();
    Path file =
        dir.resolve(sport.wireName()).resolve(activity.baseName() + (csv ? ".csv" : ".fit"));
    try {
      Files.createDirectories(file.getParent());
      Files.write(
          file, csv ? CsvActivityWriter.write(activity) : FitActivityWriter.write(activity));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new UploadFile(file, sport, csv);
  }

  /** Files, time and distance of a week or the season. */
  private static final class Totals {
    int files;
    int csvFiles;
    long seconds;
    double meters;
    double rideMeters;

    void add(GeneratedActivity activity, boolean csv) {
      files++;
      csvFiles += csv ? 1 : 0;
      seconds += activity.durationSeconds();
      meters += activity.distance();
      rideMeters += activity.session().kind().isRide() ? activity.distance() : 0;
    }

    void add(Totals week) {
      files += week.files;
      csvFiles += week.csvFiles;
      seconds += week.seconds;
      meters += week.meters;
      rideMeters += week.rideMeters;
    }
  }
}
