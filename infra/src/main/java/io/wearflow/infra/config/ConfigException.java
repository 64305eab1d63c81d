package io.wearflow.infra.config;

/**
 * A configuration value is missing or wrong. The message names the key (and where its value came
 * from) so that start-up stops with something a user can act on.
 */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The offending key, as written in the properties file (e.g. {@code http.port}). */
  public String key() {
    return key;
  }
}
