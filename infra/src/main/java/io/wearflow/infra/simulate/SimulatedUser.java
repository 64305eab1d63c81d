package io.wearflow.infra.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A simulated device's user: where they live (and, for travellers, where they move to and when),
 * and the hour their day starts. Computes the local day of a measurement the way DESIGN.md defines
 * it, independently of wearflow's own code, so that the simulator can check wearflow's answers.
 *
 * @param movesTo the zone a traveller lives in from {@code movesAt} on; null for others
 * @param movesAt when the traveller's zone changes; null for others
 */
record SimulatedUser(
    int index, String username, ZoneId zone, ZoneId movesTo, Instant movesAt, int dayStartHour) {

  static final String PASSWORD = "simulated fleet user";

  ZoneId zoneAt(Instant instant) {
    return movesTo != null && !instant.isBefore(movesAt) ? movesTo : zone;
  }

  ZoneOffset offsetAt(Instant instant) {
    return zoneAt(instant).getRules().getOffset(instant);
  }

  /** The local day of an epoch-only measurement starting at {@code start}: profile zone rules. */
  LocalDate dayOf(Instant start) {
    return LocalDateTime.ofInstant(start, zoneAt(start)).minusHours(dayStartHour).toLocalDate();
  }

  /** The local day of a measurement that carries its own offset. */
  LocalDate dayOf(Instant start, ZoneOffset offset) {
    return LocalDateTime.ofInstant(start, offset).minusHours(dayStartHour).toLocalDate();
  }
}
