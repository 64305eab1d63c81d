package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.JsonSchemaStore.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonSchemaStore} against a real PostgreSQL with the project's migrations: the seed of V4
 * and the listings.
 */
class JsonSchemaStoreITCase {

  private static final List<String> SPORTS =
      List.of("biking", "running", "soccer", "swimming", "trailrunning", "triathlon");

  private static Database database;
  private static JsonSchemaStore store;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("json_schemas");
    store = new JsonSchemaStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void seedHoldsOneSchemaPerSportAndKindBelowTheTwoSportIndependentOnes() {
    List<StoredJsonSchema> all = store.list(Filter.NONE, "id", false, 0, 100);

    assertThat(all).extracting(StoredJsonSchema::id).containsExactly(seq(1, 14));
    assertThat(all.subList(0, 2))
        .extracting(StoredJsonSchema::name, StoredJsonSchema::type, StoredJsonSchema::parent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("activity", "ACTIVITY", null),
            org.assertj.core.groups.Tuple.tuple("timeframe", "TIMEFRAME", null));
    for (String sport : SPORTS) {
      StoredJsonSchema activity = store.findByName("activity_" + sport).orElseThrow();
      StoredJsonSchema timeframe = store.findByName("timeframe_" + sport).orElseThrow();
      assertThat(activity.type()).isEqualTo("ACTIVITY");
      assertThat(activity.sport()).isEqualTo(sport);
      assertThat(activity.parent()).isEqualTo(1L);
      assertThat(timeframe.type()).isEqualTo("TIMEFRAME");
      assertThat(timeframe.sport()).isEqualTo(sport);
      assertThat(timeframe.parent()).isEqualTo(2L);
    }
  }

  @Test
  void seededSchemasEqualTheirReadableCopiesInResources() throws IOException {
    for (StoredJsonSchema schema : store.list(Filter.NONE, "id", false, 0, 100)) {
      try (InputStream copy =
          getClass().getResourceAsStream("/json-schemas/" + schema.name() + ".json")) {
        assertThat(copy).as(schema.name()).isNotNull();
        assertThat(json.readTree(schema.schemaJson()))
            .as(schema.name())
            .isEqualTo(json.readTree(copy));
      }
    }
  }

  @Test
  void findsByIdAndName() {
    StoredJsonSchema soccer = store.findByName("timeframe_soccer").orElseThrow();

    assertThat(store.findById(soccer.id())).contains(soccer);
    assertThat(store.findByName("timeframe_curling")).isEmpty();
    assertThat(store.findById(99_999)).isEmpty();
  }

  @Test
  void listsFilteredOrderedAndPaged() {
    Filter timeframes = new Filter(null, "TIMEFRAME", null);
    assertThat(store.count(timeframes)).isEqualTo(7);
    assertThat(store.list(timeframes, "name", true, 0, 3))
        .extracting(StoredJsonSchema::name)
        .containsExactly("timeframe_triathlon", "timeframe_trailrunning", "timeframe_swimming");
    assertThat(store.list(timeframes, "name", true, 6, 3))
        .extracting(StoredJsonSchema::name)
        .containsExactly("timeframe");

    Filter running = new Filter("RUNNING", null, null);
    assertThat(store.list(running, "name", false, 0, 10))
        .extracting(StoredJsonSchema::name)
        .containsExactly(
            "activity_running",
            "activity_trailrunning",
            "timeframe_running",
            "timeframe_trailrunning");
    assertThat(store.count(running)).isEqualTo(4);

    Filter children = new Filter(null, null, 1L);
    assertThat(store.list(children, "parent", false, 0, 10))
        .extracting(StoredJsonSchema::id)
        .containsExactly(seq(3, 8));
    assertThat(store.count(new Filter("soccer", "ACTIVITY", 1L))).isEqualTo(1);
  }

  private static Long[] seq(long from, long to) {
    Long[] ids = new Long[(int) (to - from + 1)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = from + i;
    }
    return ids;
  }
}
