package io.wearflow.http.sessions;

import static io.wearflow.http.json.JsonFields.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import io.wearflow.http.sessions.SessionInput.ApplicationInput;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Checks a {@code PUT /fitness/v1/users/me/sessions/{sessionId}} request against the contract
 * (sessions-api.txt), reporting every error with its JSON pointer ({@code /sessionId} for the path
 * segment).
 *
 * <ul>
 *   <li>{@code sessionId} (path): 1 to {@value #MAX_ID_LENGTH} characters of {@code
 *       [A-Za-z0-9._:-]}. {@code id} (body): optional; when sent, equal to the path's.
 *   <li>{@code startTimeMillis}, {@code endTimeMillis}: required, epoch milliseconds from 0 to
 *       {@value #MAX_TIME_MILLIS} (9999-12-31T23:59:59.999Z), start not after end. As Google's APIs
 *       encode int64 values as JSON strings, a string of decimal digits ({@code "1698822000000"})
 *       is accepted as well as a JSON integer.
 *   <li>{@code activeTimeMillis}: optional, same encoding, 0 to {@code endTimeMillis -
 *       startTimeMillis}.
 *   <li>{@code activityType}: optional JSON integer, 0 to 2147483647.
 *   <li>{@code name} (at most {@value #MAX_NAME_LENGTH} characters), {@code description} ({@value
 *       #MAX_DESCRIPTION_LENGTH}), {@code application.packageName}, {@code application.version},
 *       {@code application.name} ({@value #MAX_NAME_LENGTH} each), {@code application.detailsUrl}
 *       (an absolute URI, {@value #MAX_URL_LENGTH}): optional strings; lengths count Unicode code
 *       points. {@code application}: optional object.
 *   <li>{@code modifiedTimeMillis} is ignored: the server sets it. Unknown members are ignored; a
 *       JSON {@code null} counts as an absent member.
 * </ul>
 */
public final class SessionValidator {

  public static final int MAX_ID_LENGTH = 100;
  public static final int MAX_NAME_LENGTH = 256;
  public static final int MAX_DESCRIPTION_LENGTH = 4096;
  public static final int MAX_URL_LENGTH = 2048;

  /** 9999-12-31T23:59:59.999Z in epoch milliseconds, the latest accepted time. */
  public static final long MAX_TIME_MILLIS = 253_402_300_799_999L;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_ID_LENGTH + "}");
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,30}");

  /** Whether {@code id} is a valid session id (also used for page tokens). */
  static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * @param sessionId the {@code sessionId} path segment
   * @throws ValidationException listing every invalid field
   */
  public SessionInput validate(String sessionId, JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (!isValidId(sessionId)) {
      errors.add(
          "/sessionId",
          "must be 1 to " + MAX_ID_LENGTH + " characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
    }
    if (body == null || !body.isObject()) {
      errors.add("", "must be a JSON object");
      errors.throwIfAny();
    }
    String id = JsonFields.string(body, "id", "/id", false, errors);
    if (id != null && !id.equals(sessionId)) {
      errors.add("/id", "must equal the sessionId of the path");
    }
    String name = text(body, "name", "/name", MAX_NAME_LENGTH, errors);
    String description = text(body, "description", "/description", MAX_DESCRIPTION_LENGTH, errors);
    Long start = millis(body, "startTimeMillis", true, errors);
    Long end = millis(body, "endTimeMillis", true, errors);
    if (start != null && end != null && end < start) {
      errors.add("/endTimeMillis", "must not be less than startTimeMillis");
    }
    ApplicationInput application = application(body, errors);
    Integer activityType = activityType(body, errors);
    Long active = millis(body, "activeTimeMillis", false, errors);
    if (active != null && start != null && end != null && end >= start && active > end - start) {
      errors.add(
          "/activeTimeMillis",
          "must not be greater than endTimeMillis - startTimeMillis (" + (end - start) + ")");
    }
    errors.throwIfAny();
    return new SessionInput(
        sessionId,
        name,
        description,
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        application,
        activityType,
        active);
  }

  private static ApplicationInput application(JsonNode body, FieldErrors errors) {
    if (!JsonFields.isSent(body, "application")) {
      return null;
    }
    JsonNode node = body.get("application");
    if (!node.isObject()) {
      errors.add("/application", "must be an object");
      return null;
    }
    String at = "/application";
    String packageName =
        text(node, "packageName", pointer(at, "packageName"), MAX_NAME_LENGTH, errors);
    String version = text(node, "version", pointer(at, "version"), MAX_NAME_LENGTH, errors);
    String detailsUrl = text(node, "detailsUrl", pointer(at, "detailsUrl"), MAX_URL_LENGTH, errors);
    if (detailsUrl != null && !isAbsoluteUri(detailsUrl)) {
      errors.add(
          pointer(at, "detailsUrl"), "must be an absolute URI, e.g. https://example.com/app");
    }
    String name = text(node, "name", pointer(at, "name"), MAX_NAME_LENGTH, errors);
    if (packageName == null && version == null && detailsUrl == null && name == null) {
      return null;
    }
    return new ApplicationInput(packageName, version, detailsUrl, name);
  }

  private static Integer activityType(JsonNode body, FieldErrors errors) {
    if (!JsonFields.isSent(body, "activityType")) {
      return null;
    }
    JsonNode node = body.get("activityType");
    if (!node.isIntegralNumber()) {
      errors.add("/activityType", "must be an integer");
      return null;
    }
    BigInteger value = node.bigIntegerValue();
    if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      errors.add("/activityType", "must be between 0 and " + Integer.MAX_VALUE);
      return null;
    }
    return value.intValue();
  }

  /**
   * The member as epoch milliseconds from 0 to {@link #MAX_TIME_MILLIS}: a JSON integer or a string
   * of decimal digits. Null (with an error when {@code required} or invalid) otherwise.
   */
  private static Long millis(JsonNode body, String name, boolean required, FieldErrors errors) {
    String at = "/" + name;
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(at, "is required");
      }
      return null;
    }
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && DIGITS.matcher(node.textValue()).matches()) {
      value = new BigInteger(node.textValue());
    } else {
      errors.add(
          at, "must be an integer number of milliseconds (a JSON integer or a string of digits)");
      return null;
    }
    if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_TIME_MILLIS)) > 0) {
      errors.add(at, "must be between 0 and " + MAX_TIME_MILLIS);
      return null;
    }
    return value.longValue();
  }

  /** The member as a string of at most {@code maxLength} code points; null when absent/invalid. */
  private static String text(
      JsonNode node, String name, String at, int maxLength, FieldErrors errors) {
    String value = JsonFields.string(node, name, at, false, errors);
    if (value != null && value.codePointCount(0, value.length()) > maxLength) {
      errors.add(at, "must be at most " + maxLength + " characters");
      return null;
    }
    return value;
  }

  private static boolean isAbsoluteUri(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && !text.isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
