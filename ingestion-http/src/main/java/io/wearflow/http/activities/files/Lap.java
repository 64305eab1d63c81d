package io.wearflow.http.activities.files;

import java.time.Instant;
import java.util.Objects;

/**
 * One lap of an activity as its file marks it: the records with {@code start <= timestamp < end}.
 */
public record Lap(Instant start, Instant end) {

  public Lap {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
