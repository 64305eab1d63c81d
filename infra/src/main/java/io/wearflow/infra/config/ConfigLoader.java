package io.wearflow.infra.config;

import io.wearflow.http.HttpConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads wearflow's configuration: built-in defaults, then an optional properties
 * file ({@code $WEARFLOW_CONFIG}, else {@code <data dir>/wearflow.properties} if present), then
 * environment variables {@code WEARFLOW_<KEY>} (key upper-cased, dots as underscores, e.g. {@code
 * WEARFLOW_HTTP_PORT} for {@code http.port}). Later sources win. Every value is validated here; a
 * wrong one throws a {@link ConfigException} naming the key and where the value came from.
 *
 * <p>The keys are documented in {@code wearflow.example.properties}.
 */
public final class ConfigLoader {

  /** Environment variable naming the properties file. */
  public static final String CONFIG_FILE_ENV = "WEARFLOW_CONFIG";

  /** Jobs the local stack runs on its MiniCluster (user-day, sessions, timeframe, activity). */
  public static final int LOCAL_JOBS = 4;

  /** Name of the properties file looked up in the data directory. */
  public static final String DEFAULT_FILE_NAME = "wearflow.properties";

  /** Every key with its default value ("" = unset). */
  static final Map<String, String> DEFAULTS = defaults();

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:\\d{1,5}");

  private final Map<String, String> values;
  private final Map<String, String> sources;

  private ConfigLoader(Map<String, String> values, Map<String, String> sources) {
    this.values = values;
    this.sources = sources;
  }

  /** Reads the process environment and the properties file it points to. */
  public static WearflowConfig fromEnvironment() {
    return load(System.getenv());
  }

  /**
   * Reads the given environment and the properties file it points to.
   *
   * @param env environment variables (only {@code WEARFLOW_*} ones are used)
   */
  public static WearflowConfig load(Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    Map<String, String> sources = new HashMap<>();
    DEFAULTS.keySet().forEach(key -> sources.put(key, "default"));

    Path file = configFile(env);
    if (file != null) {
      Properties properties = readProperties(file);
      for (String key : properties.stringPropertyNames()) {
        if (!DEFAULTS.containsKey(key)) {
          throw new ConfigException(key, "unknown key in " + file);
        }
        values.put(key, properties.getProperty(key).trim());
        sources.put(key, file.toString());
      }
    }
    for (String key : DEFAULTS.keySet()) {
      String value = env.get(envName(key));
      if (value != null) {
        values.put(key, value.trim());
        sources.put(key, "environment variable " + envName(key));
      }
    }
    return new ConfigLoader(values, sources).parse();
  }

  /**
   * Builds a configuration from explicit values over the defaults, without files or environment:
   * for tests and tools that start parts of the stack in-process.
   *
   * @param overrides values by key (e.g. {@code "kafka.port" -> "0"})
   */
  public static WearflowConfig fromValues(Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    Map<String, String> sources = new HashMap<>();
    DEFAULTS.keySet().forEach(key -> sources.put(key, "default"));
    overrides.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new ConfigException(key, "unknown key");
          }
          values.put(key, value.trim());
          sources.put(key, "given value");
        });
    return new ConfigLoader(values, sources).parse();
  }

  /** The environment variable that overrides a key, e.g. {@code WEARFLOW_HTTP_PORT}. */
  public static String envName(String key) {
    return "WEARFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Every key the loader knows. */
  public static Set<String> keys() {
    return DEFAULTS.keySet();
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("data.dir", "./data");
    d.put("http.host", "127.0.0.1");
    d.put("http.port", "8080");
    d.put("admin.password", "");
    d.put(
        "http.limits.max-request-bytes",
        String.valueOf(HttpConfig.Limits.DEFAULT.maxRequestBytes()));
    d.put(
        "http.limits.max-upload-bytes", String.valueOf(HttpConfig.Limits.DEFAULT.maxUploadBytes()));
    d.put("http.limits.heavy-reads", "");
    d.put("http.auth.token-ttl", "1h");
    d.put("http.auth.bcrypt-cost", String.valueOf(HttpConfig.Auth.DEFAULT.bcryptCost()));
    d.put("http.auth.token-key", "");
    d.put("http.kafka.publish-timeout", "5s");
    d.put("kafka.port", "19092");
    d.put("kafka.controller.port", "19093");
    d.put("kafka.bootstrap.servers", "");
    d.put("kafka.topic.partitions", "2");
    d.put("registry.port", "18081");
    d.put("registry.url", "");
    d.put("postgres.port", "15432");
    d.put("postgres.jdbc.url", "");
    d.put("postgres.username", "postgres");
    d.put("postgres.password", "");
    d.put("flink.enabled", "true");
    d.put("flink.ui.port", "8082");
    d.put("flink.task.slots", "8");
    d.put("flink.parallelism", "2");
    d.put("flink.checkpoint.interval", "10s");
    return Collections.unmodifiableMap(d);
  }

  private static Path configFile(Map<String, String> env) {
    String explicit = env.get(CONFIG_FILE_ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit.trim());
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(CONFIG_FILE_ENV, "no such file: " + path.toAbsolutePath());
      }
      return path;
    }
    String dataDir = env.getOrDefault(envName("data.dir"), DEFAULTS.get("data.dir"));
    Path candidate = Path.of(dataDir.trim()).resolve(DEFAULT_FILE_NAME);
    return Files.isRegularFile(candidate) ? candidate : null;
  }

  private static Properties readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(CONFIG_FILE_ENV, "cannot read " + file + ": " + e.getMessage());
    }
    return properties;
  }

  private WearflowConfig parse() {
    WearflowConfig config =
        new WearflowConfig(
            Path.of(required("data.dir")),
            new WearflowConfig.Http(
                required("http.host"),
                port("http.port"),
                optional("admin.password"),
                optional("http.auth.token-key").map(v -> tokenKey("http.auth.token-key", v)),
                httpApi()),
            new WearflowConfig.Kafka(
                port("kafka.port"),
                port("kafka.controller.port"),
                optional("kafka.bootstrap.servers")
                    .map(v -> bootstrapServers("kafka.bootstrap.servers", v)),
                positiveInt("kafka.topic.partitions")),
            new WearflowConfig.Registry(
                port("registry.port"),
                optional("registry.url").map(v -> httpUrl("registry.url", v))),
            new WearflowConfig.Postgres(
                port("postgres.port"),
                optional("postgres.jdbc.url").map(v -> jdbcUrl("postgres.jdbc.url", v)),
                required("postgres.username"),
                values.get("postgres.password")),
            new WearflowConfig.Flink(
                bool("flink.enabled"),
                port("flink.ui.port"),
                positiveInt("flink.task.slots"),
                positiveInt("flink.parallelism"),
                duration("flink.checkpoint.interval")));
    if (config.flink().parallelism() * LOCAL_JOBS > config.flink().taskSlots()) {
      throw error(
          "flink.parallelism",
          "is "
              + config.flink().parallelism()
              + " but flink.task.slots is only "
              + config.flink().taskSlots()
              + " (the "
              + LOCAL_JOBS
              + " local jobs need "
              + LOCAL_JOBS
              + " x flink.parallelism slots)");
    }
    checkDistinctPorts(config);
    return config;
  }

  private HttpConfig httpApi() {
    long maxRequestBytes = positiveLong("http.limits.max-request-bytes");
    long maxUploadBytes = positiveLong("http.limits.max-upload-bytes");
    int heavyReads =
        values.get("http.limits.heavy-reads").isBlank()
            ? HttpConfig.Limits.defaultHeavyReads()
            : positiveInt("http.limits.heavy-reads");
    Duration tokenTtl = duration("http.auth.token-ttl");
    if (tokenTtl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw error("http.auth.token-ttl", "'" + values.get("http.auth.token-ttl") + "' is below 1s");
    }
    int bcryptCost = integer("http.auth.bcrypt-cost");
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw error("http.auth.bcrypt-cost", "'" + bcryptCost + "' is not between 4 and 31");
    }
    Duration publishTimeout = duration("http.kafka.publish-timeout");
    if (publishTimeout.compareTo(Duration.ofMillis(100)) < 0) {
      throw error(
          "http.kafka.publish-timeout",
          "'" + values.get("http.kafka.publish-timeout") + "' is below 100ms");
    }
    return HttpConfig.defaults()
        .withLimits(new HttpConfig.Limits(maxRequestBytes, maxUploadBytes, heavyReads))
        .withAuth(new HttpConfig.Auth(tokenTtl, bcryptCost))
        .withKafka(new HttpConfig.Kafka(HttpConfig.Kafka.DEFAULT.samplesTopic(), publishTimeout));
  }

  /** Two embedded servers on the same fixed port would fail later with a less clear message. */
  private void checkDistinctPorts(WearflowConfig config) {
    Map<Integer, String> used = new HashMap<>();
    claim(used, "http.port", config.http().port());
    if (config.kafka().embedded()) {
      claim(used, "kafka.port", config.kafka().port());
      claim(used, "kafka.controller.port", config.kafka().controllerPort());
    }
    if (config.registry().embedded()) {
      claim(used, "registry.port", config.registry().port());
    }
    if (config.postgres().embedded()) {
      claim(used, "postgres.port", config.postgres().port());
    }
    if (config.flink().enabled()) {
      claim(used, "flink.ui.port", config.flink().uiPort());
    }
  }

  private void claim(Map<Integer, String> used, String key, int port) {
    if (port == 0) {
      return;
    }
    String other = used.putIfAbsent(port, key);
    if (other != null) {
      throw error(key, "port " + port + " is already used by " + other);
    }
  }

  private String required(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw error(key, "must not be empty");
    }
    return value;
  }

  private Optional<String> optional(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private int port(String key) {
    int port = integer(key);
    if (port < 0 || port > 65535) {
      throw error(key, "'" + values.get(key) + "' is not a port (0-65535, 0 = any free port)");
    }
    return port;
  }

  private int positiveInt(String key) {
    int value = integer(key);
    if (value < 1) {
      throw error(key, "'" + values.get(key) + "' must be at least 1");
    }
    return value;
  }

  private int integer(String key) {
    String value = required(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw error(key, "'" + value + "' is not a whole number");
    }
  }

  private long positiveLong(String key) {
    String value = required(key);
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(key, "'" + value + "' is not a whole number of at least 1");
  }

  private boolean bool(String key) {
    String value = required(key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "'" + values.get(key) + "' is not true or false");
    };
  }

  /** Accepts {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601. */
  private Duration duration(String key) {
    String value = required(key).toLowerCase(Locale.ROOT);
    Duration duration = null;
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw error(
          key, "'" + values.get(key) + "' is not a positive duration (e.g. 500ms, 10s, 2m, PT1M)");
    }
    return duration;
  }

  private String bootstrapServers(String key, String value) {
    for (String server : value.split(",")) {
      if (!HOST_PORT.matcher(server.trim()).matches()) {
        throw error(key, "'" + value + "' is not a list of host:port");
      }
    }
    return value;
  }

  private String httpUrl(String key, String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      }
    } catch (Exception e) {
      // reported below
    }
    throw error(key, "'" + value + "' is not an http(s) URL");
  }

  /** A signing key: Base64 (standard or URL-safe) of at least 32 bytes. The value is not echoed. */
  private String tokenKey(String key, String value) {
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      throw error(key, "is not Base64");
    }
    if (decoded.length < 32) {
      throw error(key, "is " + decoded.length + " bytes, at least 32 are needed");
    }
    return value;
  }

  private String jdbcUrl(String key, String value) {
    if (!value.startsWith("jdbc:postgresql://")) {
      throw error(key, "'" + value + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://...)");
    }
    return value;
  }

  private ConfigException error(String key, String message) {
    return new ConfigException(key, message + " (from " + sources.get(key) + ")");
  }
}
