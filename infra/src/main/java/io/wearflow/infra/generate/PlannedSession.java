package io.wearflow.infra.generate;

import java.time.ZonedDateTime;

/**
 * One session of the season's plan, before it is simulated.
 *
 * @param week 0-based week of the season
 * @param restWeek whether the week is a recovery week
 * @param kind what the session is
 * @param start local start, in the zone the athlete is in that day
 * @param durationSeconds planned length, s
 * @param athlete the athlete's fitness that week
 * @param seed drives this session's randomness, so one session can be re-simulated alone
 */
public record PlannedSession(
    int week,
    boolean restWeek,
    SessionKind kind,
    ZonedDateTime start,
    int durationSeconds,
    Athlete athlete,
    long seed) {}
