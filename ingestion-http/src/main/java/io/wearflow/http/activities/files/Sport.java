package io.wearflow.http.activities.files;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sport of an activity, by its API name ({@code cycling}). The reference names the {@code
 * Sport} type without listing its values; these are the sports FIT devices record that the analyses
 * distinguish (power for cycling, speed otherwise), plus {@code generic} for the rest.
 */
public enum Sport {
  CYCLING("cycling"),
  RUNNING("running"),
  WALKING("walking"),
  HIKING("hiking"),
  SWIMMING("swimming"),
  ROWING("rowing"),
  CROSS_COUNTRY_SKIING("cross_country_skiing"),
  SOCCER("soccer"),
  GENERIC("generic");

  private final String wireName;

  Sport(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Sport> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }

  /** Pydantic's wording of an enum error: {@code Input should be 'cycling', ... or 'generic'}. */
  static String expectation() {
    String quoted =
        Arrays.stream(values()).map(s -> "'" + s.wireName + "'").collect(Collectors.joining(", "));
    int last = quoted.lastIndexOf(", ");
    return "Input should be " + quoted.substring(0, last) + " or" + quoted.substring(last + 1);
  }

  /** The sport of a FIT session; FIT sports without a counterpart here are {@link #GENERIC}. */
  static Sport fromFit(com.garmin.fit.Sport sport) {
    if (sport == null) {
      return GENERIC;
    }
    return switch (sport) {
      case CYCLING, E_BIKING -> CYCLING;
      case RUNNING -> RUNNING;
      case WALKING -> WALKING;
      case HIKING -> HIKING;
      case SWIMMING -> SWIMMING;
      case ROWING -> ROWING;
      case CROSS_COUNTRY_SKIING -> CROSS_COUNTRY_SKIING;
      case SOCCER -> SOCCER;
      default -> GENERIC;
    };
  }
}
