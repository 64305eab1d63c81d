package io.wearflow.http;

import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.schemas.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP edge, validated when built: a wrong value fails start-up with a message
 * naming its key. The keys below are the names the configuration file is expected to use.
 *
 * @param limits request limits ({@code http.limits.*})
 * @param auth token and password settings ({@code http.auth.*})
 * @param kafka publishing settings ({@code http.kafka.*})
 */
public record HttpConfig(Limits limits, Auth auth, Kafka kafka) {

  public HttpConfig {
    Objects.requireNonNull(limits, "http.limits");
    Objects.requireNonNull(auth, "http.auth");
    Objects.requireNonNull(kafka, "http.kafka");
  }

  /** The defaults: 2 MiB bodies, 1 h tokens, bcrypt cost 12, 5 s publish timeout. */
  public static HttpConfig defaults() {
    return new HttpConfig(Limits.DEFAULT, Auth.DEFAULT, Kafka.DEFAULT);
  }

  public HttpConfig withLimits(Limits newLimits) {
    return new HttpConfig(newLimits, auth, kafka);
  }

  public HttpConfig withAuth(Auth newAuth) {
    return new HttpConfig(limits, newAuth, kafka);
  }

  public HttpConfig withKafka(Kafka newKafka) {
    return new HttpConfig(limits, auth, newKafka);
  }

  /**
   * @param maxRequestBytes largest accepted request body in bytes ({@code
   *     http.limits.max-request-bytes}); larger bodies get 413
   * @param maxUploadBytes largest accepted activity upload ({@code POST /api/v1/activities/upload},
   *     up to 10 workout files) in bytes ({@code http.limits.max-upload-bytes}); larger get 413
   * @param heavyReads heavy reads computed at once ({@link HeavyReads}, {@code
   *     http.limits.heavy-reads}); by default one per CPU core
   */
  public record Limits(long maxRequestBytes, long maxUploadBytes, int heavyReads) {

    /** Ten 4-hour 1 Hz FIT rides are about 3 MB; ten long CSV files a few times that. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

    public static final Limits DEFAULT = new Limits(2L * 1024 * 1024);

    public Limits {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException(
            "http.limits.max-request-bytes must be at least 1, was " + maxRequestBytes);
      }
      if (maxUploadBytes < 1) {
        throw new IllegalArgumentException(
            "http.limits.max-upload-bytes must be at least 1, was " + maxUploadBytes);
      }
      if (heavyReads < 1) {
        throw new IllegalArgumentException(
            "http.limits.heavy-reads must be at least 1, was " + heavyReads);
      }
    }

    /** {@code maxRequestBytes} for every request, the default limit for activity uploads. */
    public Limits(long maxRequestBytes) {
      this(maxRequestBytes, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** One heavy read per CPU core. */
    public Limits(long maxRequestBytes, long maxUploadBytes) {
      this(maxRequestBytes, maxUploadBytes, defaultHeavyReads());
    }

    /** The default of {@code heavyReads}: the cores this JVM may use. */
    public static int defaultHeavyReads() {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * @param tokenTtl lifetime of issued bearer tokens, whole seconds, at least 1 s ({@code
   *     http.auth.token-ttl})
   * @param bcryptCost bcrypt cost (log2 rounds), 4 to 31 ({@code http.auth.bcrypt-cost})
   */
  public record Auth(Duration tokenTtl, int bcryptCost) {

    public static final Auth DEFAULT = new Auth(Duration.ofHours(1), PasswordHasher.DEFAULT_COST);

    public Auth {
      Objects.requireNonNull(tokenTtl, "http.auth.token-ttl");
      if (tokenTtl.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "http.auth.token-ttl must be at least 1 s, was " + tokenTtl);
      }
      if (bcryptCost < 4 || bcryptCost > 31) {
        throw new IllegalArgumentException(
            "http.auth.bcrypt-cost must be between 4 and 31, was " + bcryptCost);
      }
    }
  }

  /**
   * @param samplesTopic topic accepted samples are written to ({@code http.kafka.samples-topic})
   * @param publishTimeout longest a request waits for Kafka's acknowledgement before it is answered
   *     503, at least 100 ms ({@code http.kafka.publish-timeout})
   */
  public record Kafka(String samplesTopic, Duration publishTimeout) {

    public static final Kafka DEFAULT = new Kafka(Topics.SAMPLES.name(), Duration.ofSeconds(5));

    public Kafka {
      if (samplesTopic == null || samplesTopic.isBlank()) {
        throw new IllegalArgumentException("http.kafka.samples-topic must not be blank");
      }
      Objects.requireNonNull(publishTimeout, "http.kafka.publish-timeout");
      if (publishTimeout.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException(
            "http.kafka.publish-timeout must be at least 100 ms, was " + publishTimeout);
      }
    }
  }
}
