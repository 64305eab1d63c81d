package io.wearflow.http.activities.upload;

import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The upload's form, {@code files} (1 to {@value #MAX_FILES}) and the optional {@code sport} text,
 * read from a {@code multipart/form-data} body; every form-level problem is a pydantic-like error
 * at {@code ["body", "files"]} (other parts are ignored, as FastAPI does).
 *
 * @param files the {@code files} parts, in request order
 * @param sport the {@code sport} field's text; null when absent
 */
public record UploadForm(List<MultipartForm.Part> files, String sport) {

  /** Most files one upload may carry (the reference's {@code maxItems}). */
  public static final int MAX_FILES = 10;

  private static final List<Object> FILES = List.of("body", "files");

  public static UploadForm read(String contentType, byte[] body) {
    if (MultipartForm.boundary(contentType).isEmpty()) {
      throw ActivityValidationException.of(FILES, "Field required", "missing");
    }
    List<MultipartForm.Part> parts;
    try {
      parts = MultipartForm.parse(body, contentType);
    } catch (MultipartForm.MalformedException e) {
      throw ActivityValidationException.of(
          FILES, "The body is not valid multipart/form-data: " + e.getMessage(), "value_error");
    }
    List<MultipartForm.Part> files = new ArrayList<>();
    String sport = null;
    for (MultipartForm.Part part : parts) {
      if (part.name().equals("files")) {
        files.add(part);
      } else if (part.name().equals("sport") && sport == null) {
        sport = part.text();
      }
    }
    if (files.isEmpty()) {
      throw ActivityValidationException.of(FILES, "Field required", "missing");
    }
    if (files.size() > MAX_FILES) {
      throw ActivityValidationException.of(
          FILES,
          "List should have at most " + MAX_FILES + " items after validation, not " + files.size(),
          "too_long");
    }
    List<ActivityValidationError> notFiles = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).fileName() == null) {
        notFiles.add(
            new ActivityValidationError(
                List.of("body", "files", i),
                "Expected an uploaded file, received a plain form field",
                "value_error"));
      }
    }
    if (!notFiles.isEmpty()) {
      throw new ActivityValidationException(notFiles, notFiles.size());
    }
    return new UploadForm(List.copyOf(files), sport);
  }
}
