package io.wearflow.http.sessions;

import io.wearflow.connectors.postgres.SessionStore.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code pageToken} of the sessions list: where the previous page ended (start time in
 * epoch milliseconds and session id, base64url without padding). It carries no user: a page always
 * lists the token's user's sessions only, whatever the page token says.
 */
final class PageToken {

  private static final String VERSION = "1";

  private PageToken() {}

  static String encode(Position position) {
    String text = VERSION + ":" + position.startTime().toEpochMilli() + ":" + position.sessionId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position of a token made by {@link #encode}; empty for anything else. */
  static Optional<Position> decode(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !SessionValidator.isValidId(parts[2])) {
      return Optional.empty();
    }
    try {
      long millis = Long.parseLong(parts[1]);
      if (millis < 0 || millis > SessionValidator.MAX_TIME_MILLIS) {
        return Optional.empty();
      }
      return Optional.of(new Position(Instant.ofEpochMilli(millis), parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
