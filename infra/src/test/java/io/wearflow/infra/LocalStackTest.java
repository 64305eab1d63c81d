package io.wearflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class LocalStackTest {

  @Test
  void startFailureMessageNamesWhatAndWhy() {
    Exception failure =
        new IllegalStateException(
            "Kafka broker failed to start on 127.0.0.1:19092",
            new IOException("Address already in use", new BindException("Address already in use")));

    assertThat(LocalStack.messages(failure))
        .isEqualTo("Kafka broker failed to start on 127.0.0.1:19092: Address already in use");
  }
}
