package io.wearflow.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void defaultsAreTheLocalStack() {
    WearflowConfig config = ConfigLoader.load(Map.of("WEARFLOW_DATA_DIR", dir.toString()));

    assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().adminPassword()).isEmpty();
    assertThat(config.kafka().port()).isEqualTo(19092);
    assertThat(config.kafka().controllerPort()).isEqualTo(19093);
    assertThat(config.kafka().embedded()).isTrue();
    assertThat(config.kafka().topicPartitions()).isEqualTo(2);
    assertThat(config.registry().port()).isEqualTo(18081);
    assertThat(config.registry().embedded()).isTrue();
    assertThat(config.postgres().port()).isEqualTo(15432);
    assertThat(config.postgres().embedded()).isTrue();
    assertThat(config.flink().enabled()).isTrue();
    assertThat(config.flink().uiPort()).isEqualTo(8082);
    assertThat(config.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.exportsDir()).isEqualTo(dir.resolve("exports"));
    assertThat(config.checkpointsDir("user-day")).isEqualTo(dir.resolve("checkpoints/user-day"));
  }

  @Test
  void environmentWinsOverTheFileInTheDataDirectory() throws IOException {
    Files.writeString(
        dir.resolve("wearflow.properties"),
        "http.port=9000\nkafka.port=29092\nflink.checkpoint.interval=2m\n");

    WearflowConfig config =
        ConfigLoader.load(
            Map.of(
                "WEARFLOW_DATA_DIR", dir.toString(),
                "WEARFLOW_HTTP_PORT", "9100",
                "WEARFLOW_ADMIN_PASSWORD", "s3cret-Pass"));

    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.kafka().port()).isEqualTo(29092);
    assertThat(config.flink().checkpointInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.http().adminPassword()).contains("s3cret-Pass");
  }

  @Test
  void explicitConfigFileIsReadAndMaySetTheDataDirectory() throws IOException {
    Path file = dir.resolve("elsewhere.properties");
    Path data = dir.resolve("d");
    Files.writeString(
        file,
        "data.dir="
            + data
            + "\nkafka.bootstrap.servers=kafka-0:9092,kafka-1:9092\n"
            + "registry.url=http://registry:8081/\n"
            + "postgres.jdbc.url=jdbc:postgresql://db:5432/wearflow\n");

    WearflowConfig config = ConfigLoader.load(Map.of("WEARFLOW_CONFIG", file.toString()));

    assertThat(config.dataDir()).isEqualTo(data);
    assertThat(config.kafka().externalBootstrapServers()).contains("kafka-0:9092,kafka-1:9092");
    assertThat(config.kafka().embedded()).isFalse();
    assertThat(config.registry().externalUrl()).contains("http://registry:8081");
    assertThat(config.postgres().externalJdbcUrl()).contains("jdbc:postgresql://db:5432/wearflow");
  }

  @Test
  void wrongValueNamesTheKeyAndWhereItCameFrom() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of("WEARFLOW_DATA_DIR", dir.toString(), "WEARFLOW_HTTP_PORT", "80a")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "http.port: '80a' is not a whole number (from environment variable WEARFLOW_HTTP_PORT)")
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("http.port");
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("registry.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("registry.port: '70000' is not a port (0-65535");
  }

  @Test
  void unknownKeyInTheFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("wearflow.properties"), "http.prot=9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("WEARFLOW_DATA_DIR", dir.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("http.prot: unknown key in ");
  }

  @Test
  void missingExplicitConfigFileIsRefused() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("WEARFLOW_CONFIG", dir.resolve("nope").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("WEARFLOW_CONFIG: no such file: ");
  }

  @Test
  void durationsAcceptShortAndIsoForms() {
    assertThat(interval("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(interval("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(interval("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(interval("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> interval("0s"))
        .hasMessageStartingWith("flink.checkpoint.interval: '0s' is not a positive duration");
    assertThatThrownBy(() -> interval("soon"))
        .hasMessageStartingWith("flink.checkpoint.interval: 'soon' is not a positive duration");
  }

  @Test
  void badExternalAddressesAreRefused() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("kafka.bootstrap.servers", "kafka")))
        .hasMessageStartingWith("kafka.bootstrap.servers: 'kafka' is not a list of host:port");
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("registry.url", "registry:8081")))
        .hasMessageStartingWith("registry.url: 'registry:8081' is not an http(s) URL");
    assertThatThrownBy(
            () -> ConfigLoader.fromValues(Map.of("postgres.jdbc.url", "jdbc:mysql://db/x")))
        .hasMessageStartingWith("postgres.jdbc.url: 'jdbc:mysql://db/x' is not a PostgreSQL JDBC");
  }

  @Test
  void twoServersOnOnePortAreRefused() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("flink.ui.port", "8080")))
        .hasMessageStartingWith("flink.ui.port: port 8080 is already used by http.port");
  }

  @Test
  void externalServerFreesItsEmbeddedPort() {
    Map<String, String> values = new HashMap<>();
    values.put("registry.url", "http://registry:8081");
    values.put("registry.port", "8080");

    assertThat(ConfigLoader.fromValues(values).registry().embedded()).isFalse();
  }

  @Test
  void parallelismAboveTheSlotsIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigLoader.fromValues(Map.of("flink.parallelism", "5", "flink.task.slots", "4")))
        .hasMessageStartingWith("flink.parallelism: is 5 but flink.task.slots is only 4");
  }

  @Test
  void secretsAreNotPrinted() {
    WearflowConfig config =
        ConfigLoader.fromValues(
            Map.of("admin.password", "hunter2-admin", "postgres.password", "hunter2-db"));

    assertThat(config.toString()).doesNotContain("hunter2");
  }

  @Test
  void exampleFileDocumentsEveryKeyWithItsDefault() throws IOException {
    Properties example = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/wearflow.example.properties")) {
      example.load(in);
    }

    assertThat(example.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(ConfigLoader.keys());
    for (String key : ConfigLoader.keys()) {
      assertThat(example.getProperty(key)).as(key).isEqualTo(ConfigLoader.DEFAULTS.get(key));
    }
  }

  @Test
  void environmentVariableNamesFollowTheKeys() {
    assertThat(ConfigLoader.envName("http.port")).isEqualTo("WEARFLOW_HTTP_PORT");
    assertThat(ConfigLoader.envName("data.dir")).isEqualTo("WEARFLOW_DATA_DIR");
    assertThat(ConfigLoader.envName("admin.password")).isEqualTo("WEARFLOW_ADMIN_PASSWORD");
  }

  private static Duration interval(String value) {
    return ConfigLoader.fromValues(Map.of("flink.checkpoint.interval", value))
        .flink()
        .checkpointInterval();
  }
}
