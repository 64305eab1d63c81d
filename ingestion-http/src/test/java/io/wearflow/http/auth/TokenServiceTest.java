package io.wearflow.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  private static final byte[] KEY =
      "a test key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  private static final Instant ISSUED = Instant.parse("2023-11-01T10:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(30);
  private static final Principal ALICE = new Principal(42L, "alice", "athlete");

  private final TokenService service = serviceAt(ISSUED);

  @Test
  void issuedTokenVerifiesToItsPrincipal() throws Exception {
    IssuedToken token = service.issue(ALICE);

    assertThat(token.expiresInSeconds()).isEqualTo(1800);
    assertThat(serviceAt(ISSUED.plusSeconds(1799)).verify(token.accessToken())).isEqualTo(ALICE);
  }

  @Test
  void tokenCarriesTheDocumentedClaims() throws Exception {
    JWTClaimsSet claims = SignedJWT.parse(service.issue(ALICE).accessToken()).getJWTClaimsSet();

    assertThat(claims.getSubject()).isEqualTo("42");
    assertThat(claims.getStringClaim("username")).isEqualTo("alice");
    assertThat(claims.getStringClaim("role")).isEqualTo("athlete");
    assertThat(claims.getIssuer()).isEqualTo("wearflow");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(ISSUED);
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(Instant.parse("2023-11-01T10:30:00Z"));
    assertThat(SignedJWT.parse(service.issue(ALICE).accessToken()).getHeader().getAlgorithm())
        .isEqualTo(JWSAlgorithm.HS256);
  }

  @Test
  void expiredTokenIsRefused() {
    String token = service.issue(ALICE).accessToken();

    assertThatThrownBy(() -> serviceAt(ISSUED.plus(TTL)).verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token has expired");
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = service.issue(ALICE).accessToken().split("\\.");
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"sub\":\"1\",\"username\":\"admin\",\"role\":\"admin\",\"iss\":\"wearflow\","
                        + "\"exp\":9999999999}")
                    .getBytes(StandardCharsets.UTF_8));
    String forged = parts[0] + "." + forgedPayload + "." + parts[2];

    assertThatThrownBy(() -> service.verify(forged))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token signature is invalid");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() {
    TokenService other =
        new TokenService(
            "another key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8),
            TTL,
            Clock.fixed(ISSUED, ZoneOffset.UTC));

    assertThatThrownBy(() -> service.verify(other.issue(ALICE).accessToken()))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token signature is invalid");
  }

  @Test
  void everyOtherSpellingOfTheSignatureIsRefused() {
    String token = service.issue(ALICE).accessToken();
    int signature = token.lastIndexOf('.') + 1;
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=";
    int tried = 0;
    for (int at = signature; at < token.length(); at++) {
      for (char replacement : alphabet.toCharArray()) {
        if (replacement == token.charAt(at)) {
          continue;
        }
        String edited = token.substring(0, at) + replacement + token.substring(at + 1);
        assertThatThrownBy(() -> service.verify(edited))
            .as("character %d set to %s", at - signature + 1, replacement)
            .isInstanceOf(InvalidTokenException.class);
        tried++;
      }
    }
    assertThat(tried).isEqualTo(43 * 66);
  }

  @Test
  void aSignatureReadBackToTheSameBytesIsStillRefusedWhenSpeltDifferently() {
    String token = service.issue(ALICE).accessToken();
    // The 43rd character of an HS256 signature carries 4 bits; its 2 low bits are unused, so the
    // next character of the alphabet decodes to the very same 32 bytes.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = token.charAt(token.length() - 1);
    char sameBits = alphabet.charAt(alphabet.indexOf(last) + 1);
    String respelt = token.substring(0, token.length() - 1) + sameBits;
    String signature = token.substring(token.lastIndexOf('.') + 1);
    String respeltSignature = respelt.substring(respelt.lastIndexOf('.') + 1);
    assertThat(com.nimbusds.jose.util.Base64URL.from(respeltSignature).decode())
        .isEqualTo(com.nimbusds.jose.util.Base64URL.from(signature).decode());

    assertThatThrownBy(() -> service.verify(respelt))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token is not a signed JWT");
  }

  @Test
  void wrongIssuerIsRefused() throws Exception {
    String token = signed(new JWTClaimsSet.Builder().issuer("someone-else"), JWSAlgorithm.HS256);

    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token was not issued by wearflow");
  }

  @Test
  void tokenWithoutExpiryIsRefused() throws Exception {
    String token =
        signed(
            new JWTClaimsSet.Builder().issuer("wearflow").expirationTime(null), JWSAlgorithm.HS256);

    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token has expired");
  }

  @Test
  void otherHmacAlgorithmsAreRefused() throws Exception {
    String token =
        signed(
            new JWTClaimsSet.Builder()
                .issuer("wearflow")
                .expirationTime(Date.from(ISSUED.plusSeconds(60))),
            JWSAlgorithm.HS384,
            new byte[48]);

    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token is not signed with HS256");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> service.verify("not-a-jwt"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token is not a signed JWT");
  }

  @Test
  void verifiedTokenIsRememberedAndVerifiesAgainToTheSamePrincipal() throws Exception {
    String token = service.issue(ALICE).accessToken();

    assertThat(service.verify(token)).isEqualTo(ALICE);
    assertThat(service.cachedTokens()).isEqualTo(1);
    assertThat(service.verify(token)).isEqualTo(ALICE);
    assertThat(service.cachedTokens()).isEqualTo(1);
  }

  @Test
  void rememberedTokenIsRefusedOnceItsOwnExpiryIsReached() throws Exception {
    MutableClock clock = new MutableClock(ISSUED);
    TokenService cached = new TokenService(KEY, TTL, clock);
    String token = cached.issue(ALICE).accessToken();
    assertThat(cached.verify(token)).isEqualTo(ALICE);

    clock.set(ISSUED.plus(TTL).minusMillis(1));
    assertThat(cached.verify(token)).isEqualTo(ALICE);
    clock.set(ISSUED.plus(TTL));
    assertThatThrownBy(() -> cached.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token has expired");
    clock.set(ISSUED.plus(TTL).plusSeconds(3600));
    assertThatThrownBy(() -> cached.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token has expired");
  }

  @Test
  void refusedTokensAreNeverRemembered() throws Exception {
    String token = service.issue(ALICE).accessToken();
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    String wrongIssuer =
        signed(
            new JWTClaimsSet.Builder()
                .issuer("someone-else")
                .expirationTime(Date.from(ISSUED.plusSeconds(60))),
            JWSAlgorithm.HS256);
    TokenService later = serviceAt(ISSUED.plus(TTL));

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> service.verify(tampered))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the token signature is invalid");
      assertThatThrownBy(() -> service.verify(wrongIssuer))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the token was not issued by wearflow");
      assertThatThrownBy(() -> later.verify(token))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the token has expired");
      assertThatThrownBy(() -> service.verify("not-a-jwt"))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the token is not a signed JWT");
    }
    assertThat(service.cachedTokens()).isZero();
    assertThat(later.cachedTokens()).isZero();
  }

  @Test
  void rememberedTokensAreBoundedAndForgottenOnesVerifyInFull() throws Exception {
    TokenService small = new TokenService(KEY, TTL, Clock.fixed(ISSUED, ZoneOffset.UTC), 4);
    List<String> tokens = new ArrayList<>();
    for (long id = 1; id <= 20; id++) {
      tokens.add(small.issue(new Principal(id, "user" + id, "athlete")).accessToken());
    }

    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < tokens.size(); i++) {
        assertThat(small.verify(tokens.get(i)).accountId()).isEqualTo(i + 1L);
        assertThat(small.cachedTokens()).isLessThanOrEqualTo(4);
      }
    }
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> new TokenService(new byte[31], TTL, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  private static TokenService serviceAt(Instant now) {
    return new TokenService(KEY, TTL, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String signed(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm)
      throws Exception {
    return signed(claims, algorithm, KEY);
  }

  private static String signed(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm, byte[] key)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(algorithm),
            claims
                .subject("42")
                .claim("username", "alice")
                .claim("role", "athlete")
                .issueTime(Date.from(ISSUED))
                .build());
    jwt.sign(new MACSigner(key));
    return jwt.serialize();
  }
}
