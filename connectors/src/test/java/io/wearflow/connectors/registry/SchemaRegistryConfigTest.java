package io.wearflow.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

  @Test
  void trailingSlashIsDropped() {
    assertThat(SchemaRegistryConfig.of("http://localhost:8081/apis/ccompat/v7/").url())
        .isEqualTo("http://localhost:8081/apis/ccompat/v7");
  }

  @Test
  void defaultTimeoutIsTenSeconds() {
    assertThat(SchemaRegistryConfig.of("http://localhost:8081").timeout())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void nonHttpUrlIsRejected() {
    assertThatThrownBy(() -> SchemaRegistryConfig.of("localhost:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema registry url must be http(s): localhost:8081");
  }

  @Test
  void basicAuthNeedsBothParts() {
    assertThatThrownBy(() -> new SchemaRegistryConfig("https://r", "user", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema registry basic auth needs both a username and a password");
  }

  @Test
  void passwordIsNeverPrinted() {
    var config = new SchemaRegistryConfig("https://r", "user", "s3cret", null, null, null);

    assertThat(config.toString()).contains("user").doesNotContain("s3cret");
  }
}
