package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.ActivityFileStore.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ActivityFileStore} against a real PostgreSQL with the project's migrations. */
class ActivityFileStoreITCase {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Instant START = Instant.parse("2024-05-01T05:30:00Z");
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Database database;
  private static AccountStore accounts;
  private static ActivityFileStore store;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("activity_files");
    accounts = new AccountStore(database.dataSource());
    store = new ActivityFileStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void aFileIsNewThenUnpublishedUntilMarkedThenPublished() {
    long ana = athlete();
    NewActivityFile file = file(ana, "ride.fit", "fit", new byte[] {14, 16, 1, 2, 3});

    assertThat(store.register(file)).isEqualTo(Registration.NEW);
    assertThat(store.register(file)).isEqualTo(Registration.UNPUBLISHED);
    assertThat(store.publishedAt(ana, file.activityId())).isEmpty();

    Instant published = Instant.parse("2024-05-02T10:00:00.123Z");
    store.markPublished(file.activityId(), published);

    assertThat(store.register(file)).isEqualTo(Registration.PUBLISHED);
    assertThat(Registration.PUBLISHED.needsPublishing()).isFalse();
    assertThat(Registration.UNPUBLISHED.needsPublishing()).isTrue();
    assertThat(store.publishedAt(ana, file.activityId())).contains(published);
  }

  @Test
  void theOriginalReadsBackByteForByteForItsOwnerOnly() {
    long ana = athlete();
    long bob = athlete();
    byte[] content = "timestamp,power\n2024-05-01T07:30:00+02:00,200\n".getBytes(UTF8);
    NewActivityFile file = file(ana, "Morning \"ride\".csv", "csv", content);
    store.register(file);

    StoredActivityFile original = store.original(ana, file.activityId()).orElseThrow();

    assertThat(original.content()).isEqualTo(content);
    assertThat(original.fileName()).isEqualTo("Morning \"ride\".csv");
    assertThat(original.fileFormat()).isEqualTo("csv");
    assertThat(store.original(bob, file.activityId())).isEmpty();
    assertThat(store.original(ana, UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void appMetadataIsReplacedAndClearedOnlyByTheOwner() {
    long ana = athlete();
    long bob = athlete();
    NewActivityFile file = file(ana, "a.fit", "fit", new byte[] {1});
    store.register(file);
    String id = file.activityId();

    assertThat(store.putAppMetadata(ana, id, "{\"b\": [1, 2], \"a\": \"x\"}"))
        .contains("{\"a\": \"x\", \"b\": [1, 2]}");
    assertThat(store.putAppMetadata(ana, id, "{\"c\": null}")).contains("{\"c\": null}");
    assertThat(store.appMetadata(ana, id)).contains("{\"c\": null}");
    assertThat(store.putAppMetadata(bob, id, "{}")).isEmpty();
    assertThat(store.clearAppMetadata(bob, id)).isFalse();
    assertThat(store.appMetadata(ana, id)).contains("{\"c\": null}");

    assertThat(store.clearAppMetadata(ana, id)).isTrue();
    assertThat(store.appMetadata(ana, id)).isEmpty();
    assertThat(store.clearAppMetadata(ana, "no-such-activity")).isFalse();
  }

  @Test
  void registeringAgainKeepsTheFirstUploadsRowAndMetadata() {
    long ana = athlete();
    NewActivityFile first = file(ana, "first.fit", "fit", new byte[] {7, 7});
    store.register(first);
    store.putAppMetadata(ana, first.activityId(), "{\"k\": 1}");
    NewActivityFile renamed =
        new NewActivityFile(
            first.activityId(),
            ana,
            first.sha256(),
            "renamed.fit",
            "fit",
            first.content(),
            "running",
            START,
            START.plusSeconds(1),
            0,
            2);

    assertThat(store.register(renamed)).isEqualTo(Registration.UNPUBLISHED);
    assertThat(store.original(ana, first.activityId()).orElseThrow().fileName())
        .isEqualTo("first.fit");
    assertThat(store.appMetadata(ana, first.activityId())).contains("{\"k\": 1}");
  }

  private static NewActivityFile file(long user, String name, String format, byte[] content) {
    String sha = "sha-" + NAMES.incrementAndGet();
    return new NewActivityFile(
        UUID.nameUUIDFromBytes((user + ":" + sha).getBytes(UTF8)).toString(),
        user,
        sha,
        name,
        format,
        content,
        "cycling",
        START,
        START.plusSeconds(3600),
        7200,
        3600);
  }

  private static long athlete() {
    String name = "athlete-" + NAMES.incrementAndGet();
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, Role.ATHLETE, null, null, null))
        .id();
  }
}
