package io.wearflow.infra.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakOptionsTest {

  @Test
  void defaultsStreamTenMinutesWithAKillEveryTwo() {
    SoakOptions options = SoakOptions.parse(List.of());

    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.killEvery()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.rate()).isEqualTo(5000);
    assertThat(options.dataDir().toString()).matches("data/soak-\\d{8}-\\d{6}");
  }

  @Test
  void optionsAreRead() {
    SoakOptions options =
        SoakOptions.parse(
            List.of(
                "--duration",
                "2m",
                "--kill-every",
                "45s",
                "--rate",
                "2000",
                "--users",
                "3",
                "--distinct",
                "10000",
                "--data-dir",
                "/tmp/x"));

    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.killEvery()).isEqualTo(Duration.ofSeconds(45));
    assertThat(options.batchesPerSecond()).isEqualTo(2.0);
    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    // 10 batches rounded down to a multiple of 3 users.
    assertThat(options.distinctBatches()).isEqualTo(9);
  }

  @Test
  void killEveryZeroMeansNoKills() {
    assertThat(SoakOptions.parse(List.of("--kill-every", "0")).killEvery()).isZero();
  }

  @Test
  void wrongValuesNameTheOption() {
    assertThatThrownBy(() -> SoakOptions.parse(List.of("--rate", "fast")))
        .hasMessage("--rate: 'fast' is not a whole number");
    assertThatThrownBy(() -> SoakOptions.parse(List.of("--duration", "soon")))
        .hasMessage("--duration: cannot read 'soon' as a duration");
    assertThatThrownBy(() -> SoakOptions.parse(List.of("--duplicates", "2")))
        .hasMessage("--duplicates must be between 0 and 1");
    assertThatThrownBy(() -> SoakOptions.parse(List.of("--rate")))
        .hasMessage("--rate needs a value");
    assertThatThrownBy(() -> SoakOptions.parse(List.of("--fast", "1")))
        .hasMessage("unknown option --fast");
  }
}
