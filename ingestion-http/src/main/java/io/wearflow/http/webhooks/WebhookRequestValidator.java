package io.wearflow.http.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.WebhookSettings;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a webhook body (create and PUT), every error with its JSON pointer: {@code webhook_url}
 * required, an absolute {@code http} or {@code https} URL with a host, at most 200 characters;
 * {@code secret_token} required, 1 to 100 characters; {@code activity_events} and {@code
 * timeframes_events} required booleans. Error messages never quote the secret.
 */
final class WebhookRequestValidator {

  static final int MAX_URL_LENGTH = 200;
  static final int MAX_SECRET_LENGTH = 100;

  WebhookSettings validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors();
    String url = JsonFields.string(body, "webhook_url", "/webhook_url", true, errors);
    if (url != null) {
      if (url.length() > MAX_URL_LENGTH) {
        errors.add("/webhook_url", "must be at most " + MAX_URL_LENGTH + " characters long");
      } else if (!isHttpUrl(url)) {
        errors.add("/webhook_url", "must be an absolute http or https URL");
      }
    }
    String secret = JsonFields.string(body, "secret_token", "/secret_token", true, errors);
    if (secret != null) {
      int length = secret.codePointCount(0, secret.length());
      if (length == 0) {
        errors.add("/secret_token", "must not be empty");
      } else if (length > MAX_SECRET_LENGTH) {
        errors.add("/secret_token", "must be at most " + MAX_SECRET_LENGTH + " characters long");
      }
    }
    Boolean activityEvents = bool(body, "activity_events", errors);
    Boolean timeframesEvents = bool(body, "timeframes_events", errors);
    errors.throwIfAny();
    return new WebhookSettings(url, secret, activityEvents, timeframesEvents);
  }

  private static Boolean bool(JsonNode body, String name, FieldErrors errors) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      errors.add("/" + name, "is required");
      return null;
    }
    if (!value.isBoolean()) {
      errors.add("/" + name, "must be a boolean");
      return null;
    }
    return value.booleanValue();
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
