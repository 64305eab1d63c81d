package io.wearflow.http.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ListQuery} and {@link Page}: the list parameters and envelope. */
class ListQueryTest {

  private static final Set<String> ORDERABLE = Set.of("name", "type");

  @Test
  void defaultsToTheFirstPageOfAHundredById() {
    assertThat(parse(Map.of())).isEqualTo(new ListQuery(1, 100, "id", false));
  }

  @Test
  void readsPageLimitAndDescendingOrdering() {
    ListQuery query = parse(Map.of("page", "3", "limit", "3000", "ordering", "-name"));

    assertThat(query).isEqualTo(new ListQuery(3, 3000, "name", true));
    assertThat(query.offset()).isEqualTo(6000);
  }

  @Test
  void everyInvalidParameterIsReported() {
    FieldErrors errors = new FieldErrors();
    Map<String, String> parameters = new HashMap<>();
    parameters.put("page", "0");
    parameters.put("limit", "3001");
    parameters.put("ordering", "-colour");

    assertThat(ListQuery.parse(parameters, ORDERABLE, errors)).isNull();
    try {
      errors.throwIfAny();
    } catch (ValidationException e) {
      assertThat(e.errors())
          .extracting(error -> error.pointer() + " " + error.reason())
          .containsExactly(
              "/page must be an integer from 1 to 2147483647",
              "/limit must be an integer from 1 to 3000",
              "/ordering must be one of [name, type], optionally prefixed with '-' for"
                  + " descending order");
      return;
    }
    throw new AssertionError("no errors");
  }

  @Test
  void nonNumericAndHugeValuesAreInvalid() {
    for (String value : List.of("x", "-1", "1.5", "99999999999", "")) {
      FieldErrors errors = new FieldErrors();
      ListQuery.parse(Map.of("limit", value), ORDERABLE, errors);
      assertThat(errors.size()).as(value).isEqualTo(1);
    }
  }

  @Test
  void listWithoutOrderableFieldsRefusesAnyOrdering() {
    FieldErrors errors = new FieldErrors();

    assertThat(ListQuery.parse(Map.of("ordering", "id"), Set.of(), errors)).isNull();
    assertThat(errors.size()).isEqualTo(1);
  }

  @Test
  void envelopeLinksNeighbourPagesByNumber() {
    // 150 results, 50 per page: pages 1, 2, 3.
    assertThat(Page.of(new ListQuery(1, 50, "id", false), 150, List.of("a")))
        .isEqualTo(new Page<>(150, 1, 2, null, List.of("a")));
    assertThat(Page.of(new ListQuery(2, 50, "id", false), 150, List.of("b")))
        .isEqualTo(new Page<>(150, 2, 3, 1, List.of("b")));
    assertThat(Page.of(new ListQuery(3, 50, "id", false), 150, List.of("c")))
        .isEqualTo(new Page<>(150, 3, null, 2, List.of("c")));
    assertThat(Page.of(new ListQuery(4, 50, "id", false), 150, List.of()))
        .isEqualTo(new Page<>(150, 4, null, 3, List.of()));
    assertThat(Page.of(new ListQuery(1, 50, "id", false), 0, List.of()))
        .isEqualTo(new Page<>(0, 1, null, null, List.of()));
  }

  private static ListQuery parse(Map<String, String> parameters) {
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(parameters, ORDERABLE, errors);
    errors.throwIfAny();
    return query;
  }
}
