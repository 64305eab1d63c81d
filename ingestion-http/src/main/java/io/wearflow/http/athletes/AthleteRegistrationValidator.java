package io.wearflow.http.athletes;

import static io.wearflow.http.json.JsonFields.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /v1/athletes/} body, reporting every field error with its JSON pointer.
 *
 * <ul>
 *   <li>{@code username}: required string, 1 to 150 characters, not blank.
 *   <li>{@code email}: required string, an address {@code local@domain.tld} of at most 254
 *       characters without spaces.
 *   <li>{@code password}: required string of at least 8 characters.
 *   <li>{@code external_id}: optional string of at most 255 characters.
 *   <li>{@code athlete_profile}: optional object; its {@code external_id}, {@code first_name},
 *       {@code last_name}, {@code gender}, {@code nationality} are optional strings of at most 255
 *       characters, {@code profile_picture} an optional string; {@code weight} (kg) an optional
 *       number in (0, 500]; {@code height} (m) an optional number in (0, 3]; {@code birth_date} an
 *       optional {@code YYYY-MM-DD} date not in the future.
 * </ul>
 *
 * The same rules check the other athlete bodies: {@link #validateUpdate} (PUT by the athlete: the
 * same without {@code password}), {@link #validateManaged} (a managed athlete: {@code external_id},
 * {@code athlete_profile}, and {@code managed_by}, which when sent must be the caller's id) and
 * {@link #validatePassword} ({@code password} alone).
 *
 * <p>Unknown members are ignored; JSON {@code null} counts as not sent.
 */
public final class AthleteRegistrationValidator {

  public static final int MAX_USERNAME_LENGTH = 150;
  public static final int MIN_PASSWORD_LENGTH = 8;

  private static final int MAX_EMAIL_LENGTH = 254;
  private static final int MAX_TEXT_LENGTH = 255;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("500");
  private static final BigDecimal MAX_HEIGHT_M = new BigDecimal("3");

  private final Clock clock;

  /**
   * @param clock today's date, for birth dates in the future
   */
  public AthleteRegistrationValidator(Clock clock) {
    this.clock = clock;
  }

  public AthleteRegistration validate(JsonNode body) {
    requireObject(body);
    FieldErrors errors = new FieldErrors();
    AthleteUpdate identity = identity(body, errors);
    String password = password(body, errors);
    errors.throwIfAny();
    return new AthleteRegistration(
        identity.username(), identity.email(), password, identity.externalId(), identity.profile());
  }

  /** A PUT of the athlete himself: registration's fields without the password. */
  public AthleteUpdate validateUpdate(JsonNode body) {
    requireObject(body);
    FieldErrors errors = new FieldErrors();
    AthleteUpdate update = identity(body, errors);
    errors.throwIfAny();
    return update;
  }

  /**
   * A managed athlete's body (create, or update by its manager).
   *
   * @param managerId the caller, the only value {@code managed_by} may have
   */
  public ManagedAthleteRequest validateManaged(JsonNode body, long managerId) {
    requireObject(body);
    FieldErrors errors = new FieldErrors();
    if (JsonFields.isSent(body, "managed_by")) {
      JsonNode managedBy = body.get("managed_by");
      if (!JsonFields.isInteger(managedBy)) {
        errors.add("/managed_by", "must be an integer");
      } else if (managedBy.decimalValue().compareTo(BigDecimal.valueOf(managerId)) != 0) {
        errors.add("/managed_by", "must be your own id (" + managerId + ")");
      }
    }
    String externalId = text(body, "external_id", "/external_id", errors);
    AthleteProfile profile = profile(body, errors);
    errors.throwIfAny();
    return new ManagedAthleteRequest(externalId, profile);
  }

  /** A password change: {@code password} alone, the same rule as at registration. */
  public String validatePassword(JsonNode body) {
    requireObject(body);
    FieldErrors errors = new FieldErrors();
    String password = password(body, errors);
    errors.throwIfAny();
    return password;
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
  }

  private static String password(JsonNode body, FieldErrors errors) {
    String password = JsonFields.string(body, "password", "/password", true, errors);
    if (password != null && password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      errors.add("/password", "must be at least " + MIN_PASSWORD_LENGTH + " characters long");
    }
    return password;
  }

  private AthleteUpdate identity(JsonNode body, FieldErrors errors) {
    String username = JsonFields.string(body, "username", "/username", true, errors);
    if (username != null) {
      int length = username.codePointCount(0, username.length());
      if (username.isBlank()) {
        errors.add("/username", "must not be blank");
      } else if (length > MAX_USERNAME_LENGTH) {
        errors.add("/username", "must be at most " + MAX_USERNAME_LENGTH + " characters long");
      }
    }

    String email = JsonFields.string(body, "email", "/email", true, errors);
    if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
      errors.add("/email", "must be a valid email address");
    }

    String externalId = text(body, "external_id", "/external_id", errors);
    AthleteProfile profile = profile(body, errors);
    return new AthleteUpdate(username, email, externalId, profile);
  }

  private AthleteProfile profile(JsonNode body, FieldErrors errors) {
    String at = "/athlete_profile";
    if (!JsonFields.isSent(body, "athlete_profile")) {
      return null;
    }
    JsonNode node = body.get("athlete_profile");
    if (!node.isObject()) {
      errors.add(at, "must be an object");
      return null;
    }
    return new AthleteProfile(
        text(node, "external_id", pointer(at, "external_id"), errors),
        text(node, "first_name", pointer(at, "first_name"), errors),
        text(node, "last_name", pointer(at, "last_name"), errors),
        text(node, "gender", pointer(at, "gender"), errors),
        positive(node, "weight", pointer(at, "weight"), MAX_WEIGHT_KG, "kg", errors),
        positive(node, "height", pointer(at, "height"), MAX_HEIGHT_M, "m", errors),
        birthDate(node, pointer(at, "birth_date"), errors),
        text(node, "nationality", pointer(at, "nationality"), errors),
        JsonFields.string(node, "profile_picture", pointer(at, "profile_picture"), false, errors));
  }

  private static String text(JsonNode node, String name, String at, FieldErrors errors) {
    String value = JsonFields.string(node, name, at, false, errors);
    if (value != null && value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
      errors.add(at, "must be at most " + MAX_TEXT_LENGTH + " characters long");
    }
    return value;
  }

  private static BigDecimal positive(
      JsonNode node, String name, String at, BigDecimal max, String unit, FieldErrors errors) {
    BigDecimal value = JsonFields.number(node, name, at, false, errors);
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0) {
      errors.add(at, "must be greater than 0");
    } else if (value.compareTo(max) > 0) {
      errors.add(at, "must be at most " + max.toPlainString() + " (" + unit + ")");
    }
    return value;
  }

  private LocalDate birthDate(JsonNode node, String at, FieldErrors errors) {
    String text = JsonFields.string(node, "birth_date", at, false, errors);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      errors.add(at, "must be a date in the format YYYY-MM-DD");
      return null;
    }
    if (date.isAfter(LocalDate.now(clock))) {
      errors.add(at, "must not be in the future");
    }
    return date;
  }
}
