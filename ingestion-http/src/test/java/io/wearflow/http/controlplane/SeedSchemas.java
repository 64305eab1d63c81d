package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.StoredJsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas migration V4 seeds, read from their copies in the connectors jar ({@code
 * json-schemas/<name>.json}; connectors' {@code JsonSchemaStoreITCase} checks that they equal the
 * seeded rows), with the seed's ids.
 */
public final class SeedSchemas {

  public static final List<String> SPORTS =
      List.of("biking", "running", "soccer", "swimming", "trailrunning", "triathlon");

  private SeedSchemas() {}

  public static List<StoredJsonSchema> all() {
    List<StoredJsonSchema> schemas = new ArrayList<>();
    schemas.add(load(1, "activity", "ACTIVITY", null, null));
    schemas.add(load(2, "timeframe", "TIMEFRAME", null, null));
    long id = 3;
    for (String sport : SPORTS) {
      schemas.add(load(id++, "activity_" + sport, "ACTIVITY", sport, 1L));
    }
    for (String sport : SPORTS) {
      schemas.add(load(id++, "timeframe_" + sport, "TIMEFRAME", sport, 2L));
    }
    return schemas;
  }

  public static StoredJsonSchema named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static StoredJsonSchema load(
      long id, String name, String type, String sport, Long parent) {
    try (InputStream in =
        SeedSchemas.class.getResourceAsStream("/json-schemas/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no seed schema " + name + " on the classpath");
      }
      return new StoredJsonSchema(
          id, name, type, sport, parent, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
