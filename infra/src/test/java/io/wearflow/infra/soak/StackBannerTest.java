package io.wearflow.infra.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackBannerTest {

  @Test
  void addressesAreReadFromTheBanner() {
    StackBanner banner =
        StackBanner.parse(
            """
            some log line
            wearflow local stack (data in /tmp/d)
              HTTP API          http://127.0.0.1:41234
              Schema registry   http://127.0.0.1:40001/apis/ccompat/v7
              Kafka bootstrap   127.0.0.1:39999
              PostgreSQL        jdbc:postgresql://127.0.0.1:5432/wearflow (user postgres)
            wearflow is ready
            """);

    assertThat(banner.httpUrl()).isEqualTo("http://127.0.0.1:41234");
    assertThat(banner.kafkaBootstrap()).isEqualTo("127.0.0.1:39999");
    assertThat(banner.registry().url()).isEqualTo("http://127.0.0.1:40001/apis/ccompat/v7");
    assertThat(banner.postgres().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/wearflow");
    assertThat(banner.postgres().username()).isEqualTo("postgres");
  }
}
