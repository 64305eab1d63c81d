package io.wearflow.infra.generate;

/**
 * The simulated athlete's physiology at one point of the season.
 *
 * @param ftpWatts functional threshold power, W: the power held for about an hour
 * @param thresholdSpeed running speed held for about an hour, m/s
 * @param restHeartRate bpm
 * @param thresholdHeartRate heart rate at threshold (FTP, threshold pace), bpm
 * @param maxHeartRate bpm
 * @param sprintWatts peak power of a standing sprint, W
 * @param systemMassKg rider plus bike, kg (for the cycling physics)
 */
public record Athlete(
    double ftpWatts,
    double thresholdSpeed,
    double restHeartRate,
    double thresholdHeartRate,
    double maxHeartRate,
    double sprintWatts,
    double systemMassKg) {

  /** The athlete at the start of the season: FTP 250 W, threshold pace 4:10 min/km, HR max 185. */
  public static Athlete startOfSeason() {
    return new Athlete(250, 1000.0 / 250, 48, 168, 185, 950, 80);
  }

  /** This athlete with power and running speed raised by {@code factor} (1.06 = 6 % fitter). */
  public Athlete fitterBy(double factor) {
    return new Athlete(
        ftpWatts * factor,
        thresholdSpeed * factor,
        restHeartRate,
        thresholdHeartRate,
        maxHeartRate,
        sprintWatts * (1 + (factor - 1) * 0.5),
        systemMassKg);
  }
}
