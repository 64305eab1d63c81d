package io.wearflow.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.problem.FieldErrors;
import java.math.BigDecimal;

/**
 * Reads typed members of a JSON object for validators, recording a field error (with its JSON
 * pointer) instead of coercing: {@code "12"} is not a number and {@code 12} is not a string. A
 * member that is absent or JSON {@code null} counts as not sent.
 */
public final class JsonFields {

  private JsonFields() {}

  /** Whether the member is present with a non-null value. */
  public static boolean isSent(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value != null && !value.isNull();
  }

  /**
   * The member as a string; null (with an error when {@code required}) when not sent, null with an
   * error when not a string.
   */
  public static String string(
      JsonNode object, String name, String pointer, boolean required, FieldErrors errors) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(pointer, "is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      errors.add(pointer, "must be a string");
      return null;
    }
    return value.textValue();
  }

  /**
   * The member as an exact decimal; null (with an error when {@code required}) when not sent, null
   * with an error when not a finite JSON number.
   */
  public static BigDecimal number(
      JsonNode object, String name, String pointer, boolean required, FieldErrors errors) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(pointer, "is required");
      }
      return null;
    }
    return numberValue(value, pointer, errors);
  }

  /** A value (e.g. an array element) as an exact decimal; null with an error when not a number. */
  public static BigDecimal numberValue(JsonNode value, String pointer, FieldErrors errors) {
    if (value == null || !value.isNumber()) {
      errors.add(pointer, "must be a number");
      return null;
    }
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
      errors.add(pointer, "must be a finite number");
      return null;
    }
    return value.decimalValue();
  }

  /**
   * The member as an integer, i.e. a JSON number without a fractional part ({@code 4}, and as in
   * JSON Schema also {@code 4.0}); null (with an error when {@code required}) when not sent, null
   * with an error otherwise. Returned as a decimal so that callers check bounds without overflow.
   */
  public static BigDecimal integer(
      JsonNode object, String name, String pointer, boolean required, FieldErrors errors) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(pointer, "is required");
      }
      return null;
    }
    return integerValue(value, pointer, errors);
  }

  /** A value (e.g. an array element) as an integer, see {@link #integer}. */
  public static BigDecimal integerValue(JsonNode value, String pointer, FieldErrors errors) {
    if (!isInteger(value)) {
      errors.add(pointer, "must be an integer");
      return null;
    }
    return value.decimalValue();
  }

  /** Whether the value is a JSON number without a fractional part ({@code 4}, {@code 4.0}). */
  public static boolean isInteger(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return false;
    }
    if (value.isIntegralNumber()) {
      return true;
    }
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
      return false;
    }
    BigDecimal decimal = value.decimalValue();
    return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
  }

  /** Appends a member name or array index to a JSON pointer, escaping per RFC 6901. */
  public static String pointer(String parent, String member) {
    return parent + "/" + member.replace("~", "~0").replace("/", "~1");
  }

  public static String pointer(String parent, int index) {
    return parent + "/" + index;
  }
}
