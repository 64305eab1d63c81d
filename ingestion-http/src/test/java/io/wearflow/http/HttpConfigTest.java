package io.wearflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConfigTest {

  @Test
  void defaultsAreDocumented() {
    HttpConfig config = HttpConfig.defaults();

    assertThat(config.limits().maxRequestBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(config.limits().heavyReads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.auth().bcryptCost()).isEqualTo(12);
    assertThat(config.kafka().samplesTopic()).isEqualTo("samples");
    assertThat(config.kafka().publishTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void wrongValuesNameTheirKey() {
    assertThatThrownBy(() -> new HttpConfig.Limits(0))
        .hasMessageStartingWith("http.limits.max-request-bytes");
    assertThatThrownBy(() -> new HttpConfig.Limits(1, 1, 0))
        .hasMessageStartingWith("http.limits.heavy-reads");
    assertThatThrownBy(() -> new HttpConfig.Auth(Duration.ZERO, 12))
        .hasMessageStartingWith("http.auth.token-ttl");
    assertThatThrownBy(() -> new HttpConfig.Auth(Duration.ofHours(1), 3))
        .hasMessageStartingWith("http.auth.bcrypt-cost");
    assertThatThrownBy(() -> new HttpConfig.Kafka(" ", Duration.ofSeconds(5)))
        .hasMessageStartingWith("http.kafka.samples-topic");
    assertThatThrownBy(() -> new HttpConfig.Kafka("samples", Duration.ofMillis(10)))
        .hasMessageStartingWith("http.kafka.publish-timeout");
  }
}
