package io.wearflow.http;

import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.ActivityFileStore;
import io.wearflow.connectors.postgres.DeviceStore;
import io.wearflow.connectors.postgres.IdempotencyStore;
import io.wearflow.connectors.postgres.RecordedActivityStore;
import io.wearflow.connectors.postgres.TimeZoneStore;
import io.wearflow.connectors.postgres.WebhookStore;
import io.wearflow.http.actigraphy.UserDays;
import io.wearflow.http.activities.read.RecordedActivities;
import io.wearflow.http.activities.upload.ActivityFiles;
import io.wearflow.http.activities.upload.ActivityPublisher;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.auth.TokenService;
import io.wearflow.http.controlplane.ControlPlane;
import io.wearflow.http.devices.Devices;
import io.wearflow.http.devices.TrackingPublisher;
import io.wearflow.http.idempotency.IdempotencyKeys;
import io.wearflow.http.idempotency.InMemoryIdempotencyKeys;
import io.wearflow.http.samples.SamplePublisher;
import io.wearflow.http.sessions.SessionPublisher;
import io.wearflow.http.sessions.Sessions;
import io.wearflow.http.timezone.TimeZones;
import io.wearflow.http.webhooks.Webhooks;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the handlers of {@link HttpApp} need. In production build it with {@link #of(DataSource,
 * SamplePublisher, byte[], Clock, HttpConfig)}; tests pass their own {@link Accounts}, {@link
 * UserDays}, {@link TimeZones} and {@link SamplePublisher}.
 *
 * @param accounts account reads and writes
 * @param userDays user-day reads
 * @param timeZones the users' time-zone settings
 * @param samplePublisher where accepted samples go (Kafka in production)
 * @param tokens issues and checks bearer tokens
 * @param passwords hashes and checks passwords
 * @param clock time of received samples and of token checks
 * @param config edge settings
 * @param sessionPublisher where accepted sessions go (Kafka in production)
 * @param sessions session reads (the sessions table in production)
 * @param controlPlane the control plane's stores (permissions, JSON schemas, activities, ...)
 * @param webhooks activities' webhooks and their delivery log
 * @param idempotencyKeys where Idempotency-Key records are kept (PostgreSQL in production)
 * @param devices the managers' tracking devices
 * @param trackingPublisher where accepted tracking frames go (Kafka in production)
 * @param activityFiles uploaded activity files (originals, app metadata, published marks)
 * @param activityPublisher where uploaded activities go (Kafka in production)
 * @param recordedActivities reads of recorded activities (the V8 tables in production)
 */
public record HttpDependencies(
    Accounts accounts,
    UserDays userDays,
    TimeZones timeZones,
    SamplePublisher samplePublisher,
    TokenService tokens,
    PasswordHasher passwords,
    Clock clock,
    HttpConfig config,
    SessionPublisher sessionPublisher,
    Sessions sessions,
    ControlPlane controlPlane,
    Webhooks webhooks,
    IdempotencyKeys idempotencyKeys,
    Devices devices,
    TrackingPublisher trackingPublisher,
    ActivityFiles activityFiles,
    ActivityPublisher activityPublisher,
    RecordedActivities recordedActivities) {

  public HttpDependencies {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(userDays, "userDays");
    Objects.requireNonNull(timeZones, "timeZones");
    Objects.requireNonNull(samplePublisher, "samplePublisher");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sessionPublisher, "sessionPublisher");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(controlPlane, "controlPlane");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(trackingPublisher, "trackingPublisher");
    Objects.requireNonNull(activityFiles, "activityFiles");
    Objects.requireNonNull(activityPublisher, "activityPublisher");
    Objects.requireNonNull(recordedActivities, "recordedActivities");
  }

  /**
   * The edge's core only: sessions, control-plane, webhook and device routes answer 503 until the
   * withers supply them ({@link #withSessions}, {@link #withControlPlane}, {@link #withWebhooks},
   * {@link #withDevices}), and idempotency keys are kept in memory.
   */
  public HttpDependencies(
      Accounts accounts,
      UserDays userDays,
      TimeZones timeZones,
      SamplePublisher samplePublisher,
      TokenService tokens,
      PasswordHasher passwords,
      Clock clock,
      HttpConfig config) {
    this(
        accounts,
        userDays,
        timeZones,
        samplePublisher,
        tokens,
        passwords,
        clock,
        config,
        SessionPublisher.unavailable(),
        Sessions.unavailable(),
        ControlPlane.unavailable(),
        Webhooks.unavailable(),
        new InMemoryIdempotencyKeys(),
        Devices.unavailable(),
        TrackingPublisher.unavailable(),
        ActivityFiles.unavailable(),
        ActivityPublisher.unavailable(),
        RecordedActivities.unavailable());
  }

  /**
   * The same dependencies with sessions; in production {@code withSessions(kafkaSessionPublisher,
   * new SessionStore(dataSource)::list)}.
   */
  public HttpDependencies withSessions(SessionPublisher sessionPublisher, Sessions sessions) {
    return with(
        b -> {
          b.sessionPublisher = sessionPublisher;
          b.sessions = sessions;
        });
  }

  /** The same dependencies with the control plane ({@code ControlPlane.of(dataSource)}). */
  public HttpDependencies withControlPlane(ControlPlane controlPlane) {
    return with(b -> b.controlPlane = controlPlane);
  }

  /** The same dependencies with webhooks ({@code Webhooks.of(new WebhookStore(dataSource))}). */
  public HttpDependencies withWebhooks(Webhooks webhooks) {
    return with(b -> b.webhooks = webhooks);
  }

  /**
   * The same dependencies with devices and tracking; in production {@code withDevices(
   * Devices.of(new DeviceStore(dataSource)), kafkaTrackingPublisher)} ({@link #of} supplies the
   * devices only: frames answer 503 until a publisher is given).
   */
  public HttpDependencies withDevices(Devices devices, TrackingPublisher trackingPublisher) {
    return with(
        b -> {
          b.devices = devices;
          b.trackingPublisher = trackingPublisher;
        });
  }

  /**
   * The same dependencies with activity uploads; in production {@code withActivityUploads(
   * ActivityFiles.of(new ActivityFileStore(dataSource)), kafkaActivityPublisher)} ({@link #of}
   * supplies the files only: uploads answer 503 until a publisher is given).
   */
  public HttpDependencies withActivityUploads(
      ActivityFiles activityFiles, ActivityPublisher activityPublisher) {
    return with(
        b -> {
          b.activityFiles = activityFiles;
          b.activityPublisher = activityPublisher;
        });
  }

  /**
   * The same dependencies with the recorded-activities reads ({@code RecordedActivities.of(new
   * RecordedActivityStore(dataSource))}).
   */
  public HttpDependencies withRecordedActivities(RecordedActivities recordedActivities) {
    return with(b -> b.recordedActivities = recordedActivities);
  }

  /** The same dependencies with another idempotency-key store. */
  public HttpDependencies withIdempotencyKeys(IdempotencyKeys idempotencyKeys) {
    return with(b -> b.idempotencyKeys = idempotencyKeys);
  }

  /**
   * The production wiring: every store on {@code dataSource} (the migrated wearflow database), the
   * Kafka publisher, and a token service and password hasher built from {@code config} with the
   * given signing key (at least 32 bytes). Sessions are added by the caller ({@link
   * #withSessions}).
   */
  public static HttpDependencies of(
      DataSource dataSource,
      SamplePublisher samplePublisher,
      byte[] tokenKey,
      Clock clock,
      HttpConfig config) {
    return new HttpDependencies(
            Accounts.of(new AccountStore(dataSource)),
            UserDays.of(dataSource),
            TimeZones.of(new TimeZoneStore(dataSource)),
            samplePublisher,
            new TokenService(tokenKey, config.auth().tokenTtl(), clock),
            new PasswordHasher(config.auth().bcryptCost()),
            clock,
            config)
        .withControlPlane(ControlPlane.of(dataSource))
        .withWebhooks(Webhooks.of(new WebhookStore(dataSource)))
        .withIdempotencyKeys(IdempotencyKeys.of(new IdempotencyStore(dataSource)))
        .withDevices(Devices.of(new DeviceStore(dataSource)), TrackingPublisher.unavailable())
        .withActivityUploads(
            ActivityFiles.of(new ActivityFileStore(dataSource)), ActivityPublisher.unavailable())
        .withRecordedActivities(RecordedActivities.of(new RecordedActivityStore(dataSource)));
  }

  private HttpDependencies with(java.util.function.Consumer<Members> change) {
    Members m = new Members(this);
    change.accept(m);
    return new HttpDependencies(
        m.accounts,
        m.userDays,
        m.timeZones,
        m.samplePublisher,
        m.tokens,
        m.passwords,
        m.clock,
        m.config,
        m.sessionPublisher,
        m.sessions,
        m.controlPlane,
        m.webhooks,
        m.idempotencyKeys,
        m.devices,
        m.trackingPublisher,
        m.activityFiles,
        m.activityPublisher,
        m.recordedActivities);
  }

  /** A mutable copy of the members, so that each wither names only what it changes. */
  private static final class Members {
    Accounts accounts;
    UserDays userDays;
    TimeZones timeZones;
    SamplePublisher samplePublisher;
    TokenService tokens;
    PasswordHasher passwords;
    Clock clock;
    HttpConfig config;
    SessionPublisher sessionPublisher;
    Sessions sessions;
    ControlPlane controlPlane;
    Webhooks webhooks;
    IdempotencyKeys idempotencyKeys;
    Devices devices;
    TrackingPublisher trackingPublisher;
    ActivityFiles activityFiles;
    ActivityPublisher activityPublisher;
    RecordedActivities recordedActivities;

    Members(HttpDependencies d) {
      accounts = d.accounts;
      userDays = d.userDays;
      timeZones = d.timeZones;
      samplePublisher = d.samplePublisher;
      tokens = d.tokens;
      passwords = d.passwords;
      clock = d.clock;
      config = d.config;
      sessionPublisher = d.sessionPublisher;
      sessions = d.sessions;
      controlPlane = d.controlPlane;
      webhooks = d.webhooks;
      idempotencyKeys = d.idempotencyKeys;
      devices = d.devices;
      trackingPublisher = d.trackingPublisher;
      activityFiles = d.activityFiles;
      activityPublisher = d.activityPublisher;
      recordedActivities = d.recordedActivities;
    }
  }
}
