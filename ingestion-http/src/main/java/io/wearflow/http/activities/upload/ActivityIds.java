package io.wearflow.http.activities.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Identity of an uploaded file: its SHA-256 (the activity's {@code source_id}) and the activity id
 * derived from the user and that hash, so the same file uploaded twice by one athlete is one
 * activity (and the same file from two athletes two activities).
 */
public final class ActivityIds {

  private ActivityIds() {}

  /** SHA-256 of {@code content}, lower-case hex. */
  public static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** {@code UUID.nameUUIDFromBytes("wearflow-activity:<user>:<sha256>")} as a string. */
  public static String activityId(long userId, String sha256Hex) {
    return UUID.nameUUIDFromBytes(
            ("wearflow-activity:" + userId + ":" + sha256Hex).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
