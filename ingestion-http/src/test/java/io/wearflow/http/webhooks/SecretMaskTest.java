package io.wearflow.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void showsTheFirstTwoCharactersAndSevenStarsWhateverTheLength() {
    assertThat(SecretMask.mask("123456789")).isEqualTo("12*******");
    assertThat(SecretMask.mask("ab" + "x".repeat(98))).isEqualTo("ab*******");
    assertThat(SecretMask.mask("12345678")).isEqualTo("12*******");
  }

  @Test
  void shortSecretsShowNothing() {
    assertThat(SecretMask.mask("1234567")).isEqualTo("*******");
    assertThat(SecretMask.mask("a")).isEqualTo("*******");
  }

  @Test
  void surrogatePairsAreNotCut() {
    assertThat(SecretMask.mask("😀😀😀😀😀😀😀😀")).isEqualTo("😀😀*******");
  }
}
