package io.wearflow.http.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.util.Optional;

/**
 * Slow, salted password hashes (bcrypt, version 2b). The cost is the log2 of the work factor: 12 in
 * production (about a quarter of a second per hash on one core), as low as 4 in tests. Passwords
 * longer than bcrypt's 72 bytes are first reduced with SHA-512 instead of being truncated, so every
 * character counts.
 */
public final class PasswordHasher {

  public static final int DEFAULT_COST = 12;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final LongPasswordStrategy LONG_PASSWORDS =
      LongPasswordStrategies.hashSha512(VERSION);

  private final int cost;
  private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LONG_PASSWORDS);
  private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LONG_PASSWORDS);
  private final String decoyHash;

  /**
   * @param cost bcrypt cost, 4 to 31
   */
  public PasswordHasher(int cost) {
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost must be between "
              + BCrypt.MIN_COST
              + " and "
              + BCrypt.MAX_COST
              + ", was "
              + cost);
    }
    this.cost = cost;
    this.decoyHash = hash("decoy password, never matches a login");
  }

  public String hash(String password) {
    return hasher.hashToString(cost, password.toCharArray());
  }

  /**
   * Whether {@code password} matches {@code hash}. Without a hash (unknown user, account that
   * cannot log in) a decoy hash is checked, so the answer takes as long as for a known user and
   * does not reveal which usernames exist.
   */
  public boolean matches(String password, Optional<String> hash) {
    boolean known = hash.isPresent();
    boolean verified;
    try {
      verified = verifyer.verify(password.toCharArray(), hash.orElse(decoyHash)).verified;
    } catch (RuntimeException malformedHash) {
      verified = false;
    }
    return known && verified;
  }
}
