package io.wearflow.http.controlplane;

import io.wearflow.http.problem.FieldErrors;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The paging and ordering parameters every control-plane list shares: {@code page} (from 1, default
 * 1), {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code
 * ordering} (one of the list's fields, {@code -} in front for descending; default: by id,
 * ascending). Results are always ordered by id after the ordering field, so pages are stable.
 *
 * @param page 1-based page number
 * @param limit results per page
 * @param orderBy the field ordered by; {@code id} by default
 * @param descending whether {@code ordering} started with {@code -}
 */
public record ListQuery(int page, int limit, String orderBy, boolean descending) {

  public static final int MAX_LIMIT = 3000;
  public static final int DEFAULT_LIMIT = 100;
  public static final String DEFAULT_ORDER = "id";

  public ListQuery {
    Objects.requireNonNull(orderBy, "orderBy");
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1: " + page);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
  }

  /**
   * Reads {@code page}, {@code limit} and {@code ordering} from the query parameters (first value
   * of each), recording errors at {@code /page}, {@code /limit}, {@code /ordering}.
   *
   * @param orderable the fields the list may be ordered by (the reference's enum)
   * @return null when a parameter is invalid (the errors say which)
   */
  public static ListQuery parse(
      Map<String, String> parameters, Set<String> orderable, FieldErrors errors) {
    Integer page = positive(parameters.get("page"), Integer.MAX_VALUE, 1, "/page", errors);
    Integer limit = positive(parameters.get("limit"), MAX_LIMIT, DEFAULT_LIMIT, "/limit", errors);
    String ordering = parameters.get("ordering");
    String orderBy = DEFAULT_ORDER;
    boolean descending = false;
    if (ordering != null) {
      descending = ordering.startsWith("-");
      orderBy = descending ? ordering.substring(1) : ordering;
      if (orderable.isEmpty()) {
        errors.add("/ordering", "is not supported by this list (it is ordered by id)");
        return null;
      }
      if (!orderable.contains(orderBy)) {
        errors.add(
            "/ordering",
            "must be one of "
                + orderable.stream().sorted().toList()
                + ", optionally prefixed with '-' for descending order");
        return null;
      }
    }
    return page == null || limit == null ? null : new ListQuery(page, limit, orderBy, descending);
  }

  /** Results skipped before this page. */
  public long offset() {
    return (long) (page - 1) * limit;
  }

  private static Integer positive(
      String value, int max, int fallback, String pointer, FieldErrors errors) {
    if (value == null) {
      return fallback;
    }
    if (value.matches("[0-9]{1,10}")) {
      long parsed = Long.parseLong(value);
      if (parsed >= 1 && parsed <= max) {
        return (int) parsed;
      }
    }
    errors.add(pointer, "must be an integer from 1 to " + max);
    return null;
  }
}
