package io.wearflow.http.controlplane;

import java.util.List;
import java.util.Objects;

/**
 * The reference's list envelope {@code {count, page, next, previous, results}}: {@code count} is
 * the number of results over all pages, {@code next} and {@code previous} are page numbers (null on
 * the last and first page). A page past the last one is answered with empty {@code results}.
 */
public record Page<T>(long count, int page, Integer next, Integer previous, List<T> results) {

  public Page {
    Objects.requireNonNull(results, "results");
    results = List.copyOf(results);
  }

  /** The page {@code query} asked for, holding {@code results} out of {@code count}. */
  public static <T> Page<T> of(ListQuery query, long count, List<T> results) {
    boolean more = query.offset() + query.limit() < count;
    return new Page<>(
        count,
        query.page(),
        more ? query.page() + 1 : null,
        query.page() > 1 ? query.page() - 1 : null,
        results);
  }
}
