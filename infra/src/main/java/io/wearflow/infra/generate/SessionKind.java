package io.wearflow.infra.generate;

import io.wearflow.http.activities.files.Sport;

/** The kinds of training sessions of the simulated season, each with its sport. */
public enum SessionKind {
  ENDURANCE_RIDE(Sport.CYCLING, "endurance-ride"),
  INTERVAL_RIDE(Sport.CYCLING, "interval-ride"),
  EASY_RUN(Sport.RUNNING, "easy-run"),
  TEMPO_RUN(Sport.RUNNING, "tempo-run"),
  LONG_RUN(Sport.RUNNING, "long-run");

  private final Sport sport;
  private final String label;

  SessionKind(Sport sport, String label) {
    this.sport = sport;
    this.label = label;
  }

  public Sport sport() {
    return sport;
  }

  /** Used in file names, e.g. {@code interval-ride}. */
  public String label() {
    return label;
  }

  public boolean isRide() {
    return sport == Sport.CYCLING;
  }
}
