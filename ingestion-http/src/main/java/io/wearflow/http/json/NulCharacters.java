package io.wearflow.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.problem.FieldErrors;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Refuses the character U+0000 anywhere in a request body, in strings and in member names: it is
 * valid JSON ({@code "\u0000"}), but PostgreSQL's {@code text} and {@code jsonb} cannot store it,
 * so a body carrying one would fail in the database (answered 503) instead of being refused as bad
 * input. Every occurrence is a 422 field error at its JSON pointer (the first {@value
 * #MAX_LISTED_ERRORS} listed).
 */
public final class NulCharacters {

  static final int MAX_LISTED_ERRORS = 100;

  private static final String REASON = "must not contain the NUL character (U+0000)";

  private NulCharacters() {}

  /**
   * @throws io.wearflow.http.problem.ValidationException when {@code body} holds a U+0000
   */
  public static void refuse(JsonNode body) {
    FieldErrors errors = new FieldErrors(MAX_LISTED_ERRORS);
    // Depth-first in document order, with an explicit stack: bodies may nest as deep as the
    // parser allows.
    Deque<Item> pending = new ArrayDeque<>();
    pending.push(new Item("", body, false));
    while (!pending.isEmpty()) {
      Item item = pending.pop();
      JsonNode node = item.node();
      if (item.nulInName() || node.isTextual() && node.textValue().indexOf('\0') >= 0) {
        errors.add(item.at(), REASON);
      } else if (node.isObject()) {
        Deque<Item> members = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          members.push(
              new Item(
                  JsonFields.pointer(item.at(), member.getKey()),
                  member.getValue(),
                  member.getKey().indexOf('\0') >= 0));
        }
        members.forEach(pending::push);
      } else if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          pending.push(new Item(JsonFields.pointer(item.at(), i), node.get(i), false));
        }
      }
    }
    errors.throwIfAny();
  }

  /** A value still to look at, or a member whose name holds U+0000. */
  private record Item(String at, JsonNode node, boolean nulInName) {}
}
