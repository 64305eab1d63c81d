package io.wearflow.infra.e2e.auth;

/**
 * Who sends a request of the authorization matrix, relative to the data it names: the data of one
 * athlete (the subject) and the match resources (device, activity, timeframe, webhook) that the
 * permitted manager set up for him. The first four send no valid token at all; their forged tokens
 * name the account that would otherwise be allowed, so that only the token is at fault.
 */
enum Caller {
  /** No {@code Authorization} header. */
  NO_TOKEN("none"),
  /** {@code Bearer} followed by something that is not a JWT. */
  MALFORMED_TOKEN("malformed"),
  /** A token signed with the stack's own key whose {@code exp} has passed. */
  EXPIRED_TOKEN("expired"),
  /** A well-formed token signed with another 32-byte key. */
  WRONG_SIGNATURE("signature"),
  /** Another athlete, with a valid token. */
  OTHER_ATHLETE("other"),
  /** A manager the subject gave no permission. */
  MANAGER_WITHOUT_PERMISSION("no-perm"),
  /** A manager holding READ, WRITE and SHARE from the subject for 2020 only. */
  MANAGER_OUTSIDE_WINDOW("window"),
  /**
   * A manager holding READ, WRITE and SHARE from the subject from 1970 to 2199, with {@code
   * can_manage_athletes}, owner of the match resources.
   */
  MANAGER_WITH_PERMISSION("perm"),
  /** The subject athlete himself (the positive control for his own data). */
  THE_ATHLETE("self"),
  /** The admin account. */
  ADMIN("admin");

  /** The column heading in {@link AuthorizationTable}. */
  final String column;

  Caller(String column) {
    this.column = column;
  }

  boolean hasValidToken() {
    return ordinal() >= OTHER_ATHLETE.ordinal();
  }
}
