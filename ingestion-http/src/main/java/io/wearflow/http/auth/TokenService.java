package io.wearflow.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues and checks the bearer tokens of the API: HS256-signed JWTs with {@code sub} (account id),
 * {@code username}, {@code role}, {@code iat}, {@code exp} and {@code iss} = {@value #ISSUER}. A
 * token is accepted only with a valid HS256 signature under the service key, the wearflow issuer,
 * and an {@code exp} after the current time of the service's clock, spelt exactly as issued
 * (canonical unpadded base64url: one token has one spelling). Tokens are not stored: any instance
 * holding the key can check them.
 *
 * <p>A token that passed every check is remembered with its principal (up to {@value
 * #DEFAULT_CACHED_TOKENS} tokens), so a client sending the same token with every request pays the
 * parse and the HMAC once. A remembered token is accepted only while its own {@code exp} is after
 * the current time of the same clock, so the cache never extends a token's life; a refused token is
 * never remembered and is checked in full every time.
 */
public final class TokenService {

  public static final String ISSUER = "wearflow";
  public static final int MIN_KEY_BYTES = 32;

  /** How many verified tokens are remembered (a few hundred bytes each). */
  public static final int DEFAULT_CACHED_TOKENS = 4096;

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

  private final JWSSigner signer;
  private final JWSVerifier verifier;
  private final Duration ttl;
  private final Clock clock;
  private final ExpiringCache<String, Principal> verified;

  /**
   * @param key HMAC key, at least 32 bytes (256 bits)
   * @param ttl token lifetime, whole seconds, at least one second
   * @param clock source of {@code iat} and of "now" when checking {@code exp}
   */
  public TokenService(byte[] key, Duration ttl, Clock clock) {
    this(key, ttl, clock, DEFAULT_CACHED_TOKENS);
  }

  /**
   * @param cachedTokens how many verified tokens to remember, at least 1
   */
  TokenService(byte[] key, Duration ttl, Clock clock, int cachedTokens) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the token signing key must have at least " + MIN_KEY_BYTES + " bytes");
    }
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the token TTL must be at least 1 s, was " + ttl);
    }
    try {
      this.signer = new MACSigner(key.clone());
      this.verifier = new MACVerifier(key.clone());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable token signing key: " + e.getMessage(), e);
    }
    this.ttl = ttl.truncatedTo(ChronoUnit.SECONDS);
    this.clock = Objects.requireNonNull(clock, "clock");
    // Deadlines are exp in epoch milliseconds of the clock's instant; exp is whole seconds, so
    // "millis before exp" is exactly the verifier's "instant before exp".
    this.verified = new ExpiringCache<>(cachedTokens, () -> this.clock.instant().toEpochMilli());
  }

  public IssuedToken issue(Principal principal) {
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(Long.toString(principal.accountId()))
            .claim("username", principal.username())
            .claim("role", principal.role())
            .issuer(ISSUER)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(ttl)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), ttl.toSeconds());
  }

  /**
   * The principal a token was issued for.
   *
   * @throws InvalidTokenException with a short reason safe to show to the client
   */
  public Principal verify(String token) throws InvalidTokenException {
    Principal remembered = verified.get(token);
    if (remembered != null) {
      return remembered;
    }
    long stamp = verified.stamp();
    if (!isCanonical(token)) {
      throw new InvalidTokenException("the token is not a signed JWT");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("the token is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("the token is not signed with HS256");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw new InvalidTokenException("the token signature is invalid");
      }
    } catch (JOSEException e) {
      throw new InvalidTokenException("the token signature cannot be checked");
    }
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new InvalidTokenException("the token was not issued by " + ISSUER);
    }
    Date expiry = claims.getExpirationTime();
    if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
      throw new InvalidTokenException("the token has expired");
    }
    Principal principal = principal(claims);
    verified.put(token, principal, expiry.getTime(), stamp);
    return principal;
  }

  /** How many verified tokens are remembered now (expired ones until evicted). */
  int cachedTokens() {
    return verified.size();
  }

  /**
   * Whether {@code token} is three parts of unpadded base64url exactly as an encoder writes them.
   * The JWT library's decoder is lenient: it also reads {@code +} and {@code /} (standard Base64)
   * and ignores the unused low bits of a part's last character, so without this check one token
   * could be spelt several ways (an edited character that the decoder reads back to the same bytes
   * would still pass).
   */
  private static boolean isCanonical(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String part : parts) {
      if (!BASE64URL.matcher(part).matches()) {
        return false;
      }
      try {
        byte[] decoded = Base64.getUrlDecoder().decode(part);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(part)) {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  private static Principal principal(JWTClaimsSet claims) throws InvalidTokenException {
    try {
      String username = claims.getStringClaim("username");
      String role = claims.getStringClaim("role");
      if (claims.getSubject() == null || username == null || role == null) {
        throw new InvalidTokenException("the token lacks sub, username or role");
      }
      return new Principal(Long.parseLong(claims.getSubject()), username, role);
    } catch (ParseException | NumberFormatException e) {
      throw new InvalidTokenException("the token claims are malformed");
    }
  }
}
