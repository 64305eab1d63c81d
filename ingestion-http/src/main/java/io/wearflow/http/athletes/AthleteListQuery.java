package io.wearflow.http.athletes;

import io.wearflow.connectors.postgres.AthleteFilter;
import io.wearflow.connectors.postgres.AthleteOrder;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.problem.FieldErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /v1/athletes/}: paging and {@code ordering} ({@link ListQuery}, fields of
 * {@link AthleteOrder}) and the reference's filters ({@code search}, {@code email}, {@code
 * username}, {@code external_id}, {@code first_name}, {@code last_name}: case-insensitive contains;
 * {@code gender}: case-insensitive equals; {@code managed_by}: a manager id; {@code is_managed}:
 * {@code true} or {@code false}; {@code birthdate_from}, {@code birthdate_to}: inclusive {@code
 * YYYY-MM-DD}). Empty values count as not sent. Errors point at {@code /<parameter>}.
 */
record AthleteListQuery(ListQuery page, AthleteOrder order, AthleteFilter filter) {

  static final Set<String> ORDERABLE =
      Arrays.stream(AthleteOrder.values())
          .map(AthleteOrder::field)
          .filter(field -> !field.equals("id"))
          .collect(Collectors.toUnmodifiableSet());

  static AthleteListQuery parse(Map<String, String> parameters) {
    FieldErrors errors = new FieldErrors();
    ListQuery page = ListQuery.parse(parameters, ORDERABLE, errors);
    Long managedBy = null;
    String managedByText = text(parameters, "managed_by");
    if (managedByText != null) {
      if (managedByText.matches("[0-9]{1,18}")) {
        managedBy = Long.parseLong(managedByText);
      } else {
        errors.add("/managed_by", "must be a manager id (a positive integer)");
      }
    }
    Boolean isManaged = null;
    String isManagedText = text(parameters, "is_managed");
    if (isManagedText != null) {
      switch (isManagedText) {
        case "true" -> isManaged = true;
        case "false" -> isManaged = false;
        default -> errors.add("/is_managed", "must be true or false");
      }
    }
    LocalDate from = date(parameters, "birthdate_from", errors);
    LocalDate to = date(parameters, "birthdate_to", errors);
    errors.throwIfAny();
    AthleteFilter filter =
        new AthleteFilter(
            text(parameters, "search"),
            text(parameters, "email"),
            text(parameters, "username"),
            text(parameters, "external_id"),
            text(parameters, "first_name"),
            text(parameters, "last_name"),
            text(parameters, "gender"),
            managedBy,
            isManaged,
            from,
            to);
    return new AthleteListQuery(
        page, AthleteOrder.ofField(page.orderBy()).orElse(AthleteOrder.ID), filter);
  }

  private static String text(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static LocalDate date(Map<String, String> parameters, String name, FieldErrors errors) {
    String value = text(parameters, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add("/" + name, "must be a date in the format YYYY-MM-DD");
      return null;
    }
  }
}
