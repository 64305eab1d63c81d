package io.wearflow.connectors.registry;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a Confluent-compatible schema registry lives and how to reach it: base URL (for Apicurio
 * {@code http://host:port/apis/ccompat/v7}), optional basic-auth credentials and an optional JKS or
 * PKCS12 trust store for TLS. Serializable so that Flink functions can carry it to task managers.
 *
 * @param url base URL of the Confluent REST API, without a trailing slash
 * @param username basic-auth user, or null for none
 * @param password basic-auth password, or null for none
 * @param truststorePath trust store file for https, or null for the JVM default
 * @param truststorePassword trust store password, or null
 * @param timeout connect and request timeout of each call
 */
public record SchemaRegistryConfig(
    String url,
    String username,
    String password,
    String truststorePath,
    String truststorePassword,
    Duration timeout)
    implements Serializable {

  public SchemaRegistryConfig {
    Objects.requireNonNull(url, "url");
    URI parsed = URI.create(url);
    if (parsed.getScheme() == null
        || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))) {
      throw new IllegalArgumentException("schema registry url must be http(s): " + url);
    }
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException(
          "schema registry basic auth needs both a username and a password");
    }
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  /** A registry without authentication, over the JVM's default TLS settings. */
  public static SchemaRegistryConfig of(String url) {
    return new SchemaRegistryConfig(url, null, null, null, null, null);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SchemaRegistryConfig[url="
        + url
        + ", username="
        + username
        + ", truststorePath="
        + truststorePath
        + ", timeout="
        + timeout
        + "]";
  }
}
