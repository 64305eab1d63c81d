package io.wearflow.connectors.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * A client for the part of the Confluent Schema Registry REST protocol that serializers need:
 * register a schema under a subject ({@code POST /subjects/{subject}/versions}, which answers the
 * existing id for a known schema) and fetch a schema by id ({@code GET /schemas/ids/{id}}). Works
 * against Confluent's registry and compatible ones such as Apicurio's {@code /apis/ccompat/v7}.
 * Both directions are cached: ids never change meaning, so a cached answer is always right.
 * Thread-safe.
 */
public final class SchemaRegistryClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final SchemaRegistryConfig config;
  private final HttpClient http;
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Object> registrationLocks = new ConcurrentHashMap<>();

  public SchemaRegistryClient(SchemaRegistryConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout());
    if (config.truststorePath() != null) {
      builder.sslContext(sslContext(config));
    }
    this.http = builder.build();
  }

  /**
   * Registers {@code schema} under {@code subject}, or finds its id when already registered.
   *
   * @return the registry's global id of the schema
   * @throws SchemaRegistryException when the registry refuses it (409: not compatible with the
   *     subject's previous versions) or cannot be reached
   */
  public int register(String subject, Schema schema) {
    String key = subject + '\u0000' + schema.toString();
    Integer cached = idsBySubjectAndSchema.get(key);
    if (cached != null) {
      return cached;
    }
    // One registration per schema at a time from this client: concurrent first writes of a topic
    // would otherwise race each other in the registry.
    synchronized (registrationLocks.computeIfAbsent(key, k -> new Object())) {
      cached = idsBySubjectAndSchema.get(key);
      if (cached != null) {
        return cached;
      }
      int id = registerRemotely(subject, schema);
      idsBySubjectAndSchema.put(key, id);
      schemasById.putIfAbsent(id, schema);
      return id;
    }
  }

  private int registerRemotely(String subject, Schema schema) {
    String body = schemaBody(schema);
    JsonNode answer;
    try {
      answer =
          call(
              request("/subjects/" + encode(subject) + "/versions")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .header("Content-Type", CONTENT_TYPE)
                  .build(),
              "register schema under " + subject);
    } catch (SchemaRegistryException e) {
      if (e.httpStatus() != 409) {
        throw e;
      }
      // 409 is an incompatible schema, or (Apicurio) another client registering the same subject
      // at the same moment: the schema is then registered, and a lookup finds its id.
      return lookUp(subject, body).orElseThrow(() -> e);
    }
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(
          "registry answered without an id when registering under " + subject, 200, -1, null);
    }
    return id;
  }

  /** The id of {@code schema} if it is registered under the subject ({@code POST /subjects/s}). */
  private java.util.Optional<Integer> lookUp(String subject, String body) {
    try {
      JsonNode answer =
          call(
              request("/subjects/" + encode(subject))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .header("Content-Type", CONTENT_TYPE)
                  .build(),
              "look up schema under " + subject);
      int id = answer.path("id").asInt(-1);
      return id < 0 ? java.util.Optional.empty() : java.util.Optional.of(id);
    } catch (SchemaRegistryException e) {
      if (e.httpStatus() == 404) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The schema with the registry's global id {@code id}.
   *
   * @throws SchemaRegistryException 404 / 40403 when no schema has this id
   */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        call(request("/schemas/ids/" + id).GET().build(), "fetch schema with id " + id);
    String text = answer.path("schema").asText(null);
    if (text == null) {
      throw new SchemaRegistryException(
          "registry answered without a schema for id " + id, 200, -1, null);
    }
    Schema schema = new Schema.Parser().parse(text);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  public SchemaRegistryConfig config() {
    return config;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(config.url() + path))
            .timeout(config.timeout())
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (config.username() != null) {
      String credentials = config.username() + ":" + config.password();
      builder.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private JsonNode call(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + config.url() + " unreachable: " + what, -1, -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted: " + what, -1, -1, e);
    }
    JsonNode body;
    try {
      body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      body = JSON.nullNode();
    }
    if (response.statusCode() / 100 != 2) {
      int code = body.path("error_code").asInt(-1);
      String message = body.path("message").asText(response.body());
      throw new SchemaRegistryException(
          "schema registry refused to "
              + what
              + ": HTTP "
              + response.statusCode()
              + (code > 0 ? " error " + code : "")
              + ": "
              + message,
          response.statusCode(),
          code,
          null);
    }
    return body;
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static SSLContext sslContext(SchemaRegistryConfig config) {
    Path path = Path.of(config.truststorePath());
    char[] password =
        config.truststorePassword() == null ? null : config.truststorePassword().toCharArray();
    try (InputStream in = Files.newInputStream(path)) {
      String type = path.toString().endsWith(".jks") ? "JKS" : "PKCS12";
      KeyStore trustStore = KeyStore.getInstance(type);
      trustStore.load(in, password);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot load the schema registry trust store " + path + ": " + e.getMessage(), e);
    }
  }
}
