package io.wearflow.http.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.DeviceSummary;
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.postgres.StoredJsonSchema;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.controlplane.SchemaDocumentValidator;
import io.wearflow.http.controlplane.SeedSchemas;
import io.wearflow.http.fuzz.JsonMutator;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.problem.ValidationException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of {@link TimeframeRequestValidator} (see {@code ValidatorFuzzTest} for the
 * others): mutated valid timeframe bodies are accepted or refused with a {@link
 * ValidationException}, never anything else, and every body that an independent oracle finds
 * invalid is refused. The oracle checks the rules it can decide without a JSON-Schema validator
 * (dates, references, owner), so only that direction is checked.
 *
 * <p>Unlike the other fuzz tests, each mutated tree goes through the edge's own JSON mapper
 * (written and read back) first: networknt's schema validator throws on a non-finite double, which
 * a parsed body never holds (the parser refuses NaN and Infinity and reads decimals as BigDecimal).
 */
class TimeframeRequestValidatorFuzzTest {

  private static final long SEED = 0x7EA2F11L;
  private static final int ITERATIONS = 1000;
  private static final long CALLER = 2;
  private static final long ATHLETE = 3;
  private static final long DEVICE = 5;
  private static final long ACTIVITY = 7;
  private static final Instant T0 = Instant.parse("2024-05-01T18:00:00Z");

  /** A four-digit year, time with optional fraction, and an offset (the contract's shapes). */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})");

  private static final ObjectMapper MAPPER = JsonSupport.newObjectMapper();
  private static final List<StoredJsonSchema> SCHEMAS = SeedSchemas.all();
  private static final Set<Long> TIMEFRAME_SCHEMAS =
      SCHEMAS.stream()
          .filter(s -> s.type().equals("TIMEFRAME"))
          .map(StoredJsonSchema::id)
          .collect(Collectors.toSet());

  @Test
  void refusesEveryBodyTheOracleFindsInvalidAndOnlyWithAValidationException() {
    TimeframeRequestValidator validator =
        new TimeframeRequestValidator(
            lookup(Timeframes.class, "device", id -> id == DEVICE ? device() : null),
            lookup(Activities.class, "findById", id -> id == ACTIVITY ? activity() : null),
            lookup(Accounts.class, "findById", TimeframeRequestValidatorFuzzTest::account),
            lookup(
                JsonSchemas.class,
                "findById",
                id -> SCHEMAS.stream().filter(s -> s.id() == id).findFirst().orElse(null)),
            new SchemaDocumentValidator(MAPPER));
    JsonMutator mutator = new JsonMutator(SEED);
    List<ObjectNode> bases = List.of(timeframe("timeframe"), timeframe("timeframe_soccer"));
    int accepted = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      JsonNode body = wire(mutator.mutate(bases.get(i % bases.size())));
      String replay = "seed " + SEED + ", iteration " + i + ", body " + body;
      String violation = violation(body);
      NewTimeframe result;
      try {
        result = validator.validate(body, CALLER);
      } catch (ValidationException e) {
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("Not a ValidationException: " + e + " for " + replay, e);
      }
      accepted++;
      if (violation != null) {
        fail("Accepted although " + violation + ": " + replay);
      }
      assertThat(result.endTime()).as(replay).isAfterOrEqualTo(result.startTime());
      assertThat(result.ownerId()).as(replay).isEqualTo(CALLER);
      assertThat(result.deviceId()).as(replay).isEqualTo(DEVICE);
      assertThat(result.athleteId()).as(replay).isEqualTo(ATHLETE);
    }
    assertThat(accepted).isBetween(ITERATIONS / 20, ITERATIONS - ITERATIONS / 4);
  }

  /** {@code tree} as the edge would parse it from the wire. */
  private static JsonNode wire(JsonNode tree) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsBytes(tree));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The first rule {@code body} breaks among those the oracle checks; null when none. */
  private static String violation(JsonNode body) {
    if (!body.isObject()) {
      return "the body is not an object";
    }
    Instant start = dateTime(body.get("start_time"));
    Instant end = dateTime(body.get("end_time"));
    if (start == null || end == null) {
      return "start_time or end_time is not a date-time with a four-digit year and an offset";
    }
    if (end.isBefore(start)) {
      return "end_time is before start_time";
    }
    JsonNode params = body.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      return "params is not an object";
    }
    if (!isId(body.get("device"), Set.of(DEVICE))) {
      return "device is not the caller's device";
    }
    if (!isId(body.get("athlete"), Set.of(ATHLETE))) {
      return "athlete is not an athlete";
    }
    if (!isId(body.get("json_schema"), TIMEFRAME_SCHEMAS)) {
      return "json_schema is not a TIMEFRAME schema";
    }
    if (sent(body.get("activity")) && !isId(body.get("activity"), Set.of(ACTIVITY))) {
      return "activity is not the caller's activity";
    }
    if (sent(body.get("owner")) && !isId(body.get("owner"), Set.of(CALLER))) {
      return "owner is not the caller";
    }
    return null;
  }

  private static Instant dateTime(JsonNode node) {
    if (node == null || !node.isTextual() || !DATE_TIME.matcher(node.textValue()).matches()) {
      return null;
    }
    String text = node.textValue();
    // +HHMM -> +HH:MM, so that ISO_OFFSET_DATE_TIME reads both forms the contract allows.
    String iso = text.matches(".*[+-][0-9]{4}$") ? text.replaceAll("([0-9]{2})$", ":$1") : text;
    try {
      return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code node} is a JSON number equal to one of {@code ids}. */
  private static boolean isId(JsonNode node, Set<Long> ids) {
    if (node == null || !node.isNumber()) {
      return false;
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return false;
    }
    return ids.stream()
        .anyMatch(id -> node.decimalValue().compareTo(java.math.BigDecimal.valueOf(id)) == 0);
  }

  private static boolean sent(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static ObjectNode timeframe(String schemaName) {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("start_time", T0.toString())
            .put("end_time", "2024-05-01T21:45:00+0200");
    body.putObject("params").put("max_hr", 190).putArray("sprint_thresholds").add(5).add(7);
    return body.put("device", DEVICE)
        .put("activity", ACTIVITY)
        .put("athlete", ATHLETE)
        .put("owner", CALLER)
        .put(
            "json_schema",
            SCHEMAS.stream()
                .filter(s -> s.name().equals(schemaName))
                .findFirst()
                .orElseThrow()
                .id());
  }

  private static DeviceSummary device() {
    return new DeviceSummary(DEVICE, "Vest", null, null, CALLER);
  }

  private static Activity activity() {
    return new Activity(ACTIVITY, "Cup", "{}", 1, CALLER, T0, T0);
  }

  private static Account account(long id) {
    Role role = id == ATHLETE ? Role.ATHLETE : id == CALLER ? Role.MANAGER : null;
    return role == null ? null : new Account(id, "user" + id, null, null, role, null, null, T0);
  }

  /**
   * A read-only store answering only {@code method(long id)} from {@code find} (null: none); the
   * validator calls nothing else, and any other call fails the test.
   */
  @SuppressWarnings("unchecked")
  private static <T> T lookup(Class<T> type, String method, Function<Long, Object> find) {
    Map<String, Function<Long, Object>> methods = Map.of(method, find);
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, called, args) -> {
              Function<Long, Object> answer = methods.get(called.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(called.getName());
              }
              return Optional.ofNullable(answer.apply((Long) args[0]));
            });
  }
}
