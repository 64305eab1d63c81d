package io.wearflow.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(4);

  @Test
  void hashIsSaltedBcryptOfTheConfiguredCost() {
    String first = hasher.hash("correct horse");
    String second = hasher.hash("correct horse");

    assertThat(first).startsWith("$2b$04$").hasSize(60).isNotEqualTo(second);
  }

  @Test
  void rightPasswordMatchesAndWrongOneDoesNot() {
    String hash = hasher.hash("correct horse");

    assertThat(hasher.matches("correct horse", Optional.of(hash))).isTrue();
    assertThat(hasher.matches("correct horsE", Optional.of(hash))).isFalse();
  }

  @Test
  void passwordsLongerThanBcryptsLimitCountInFull() {
    String base = "x".repeat(80);
    String hash = hasher.hash(base + "a");

    assertThat(hasher.matches(base + "a", Optional.of(hash))).isTrue();
    assertThat(hasher.matches(base + "b", Optional.of(hash))).isFalse();
  }

  @Test
  void missingOrMalformedHashNeverMatches() {
    assertThat(hasher.matches("decoy password, never matches a login", Optional.empty())).isFalse();
    assertThat(hasher.matches("anything", Optional.of("not a bcrypt hash"))).isFalse();
  }

  @Test
  void costOutsideBcryptsRangeIsRefused() {
    assertThatThrownBy(() -> new PasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
  }
}
