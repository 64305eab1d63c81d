package io.wearflow.http.webhooks;

/**
 * How a webhook's secret token is shown: its first 2 characters and 7 asterisks ({@code 123456789}
 * reads {@code 12*******}), whatever its length, so neither the secret nor its length shows.
 * Secrets shorter than 8 characters show asterisks only (2 characters would be too much of them).
 */
final class SecretMask {

  static final String STARS = "*******";
  private static final int SHOWN = 2;
  private static final int MIN_LENGTH_TO_SHOW = 8;

  private SecretMask() {}

  static String mask(String secret) {
    if (secret.codePointCount(0, secret.length()) < MIN_LENGTH_TO_SHOW) {
      return STARS;
    }
    return secret.substring(0, secret.offsetByCodePoints(0, SHOWN)) + STARS;
  }
}
