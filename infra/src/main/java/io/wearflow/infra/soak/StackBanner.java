package io.wearflow.infra.soak;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses the local stack prints once it is ready ({@code ./wearflow up}'s banner), read back
 * from its output: two-space-indented lines of a label and a value.
 */
public record StackBanner(Map<String, String> lines) {

  private static final Pattern LINE = Pattern.compile("^\\s{2}(\\S.*?)\\s{2,}(\\S.*)$");

  public StackBanner {
    lines = Map.copyOf(lines);
  }

  /** The banner lines found in the stack's output. */
  public static StackBanner parse(String output) {
    Map<String, String> lines = new HashMap<>();
    for (String line : output.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        lines.put(m.group(1).trim(), m.group(2).trim());
      }
    }
    return new StackBanner(lines);
  }

  public String httpUrl() {
    return value("HTTP API");
  }

  public String kafkaBootstrap() {
    return value("Kafka bootstrap");
  }

  public SchemaRegistryConfig registry() {
    return SchemaRegistryConfig.of(value("Schema registry"));
  }

  /** From "jdbc:postgresql://127.0.0.1:5432/wearflow (user postgres)". */
  public PostgresConfig postgres() {
    String text = value("PostgreSQL");
    String url = text.substring(0, text.indexOf(' '));
    String user = text.substring(text.indexOf("(user ") + 6, text.length() - 1);
    return new PostgresConfig(url, user, null);
  }

  private String value(String label) {
    String value = lines.get(label);
    if (value == null) {
      throw new IllegalStateException("no '" + label + "' line in the stack's banner: " + lines);
    }
    return value;
  }
}
