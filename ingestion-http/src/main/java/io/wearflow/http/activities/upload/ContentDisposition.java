package io.wearflow.http.activities.upload;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a user-supplied file name: the quoted {@code
 * filename} keeps printable ASCII except quotes and backslashes (others become {@code _}), and an
 * RFC 6266 {@code filename*} carries the exact name in UTF-8 when it differs.
 */
final class ContentDisposition {

  private ContentDisposition() {}

  static String attachment(String fileName) {
    String name = fileName.replace('/', '_').replace('\\', '_');
    StringBuilder ascii = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' ? c : '_');
    }
    String header = "attachment; filename=\"" + ascii + "\"";
    if (!ascii.toString().equals(name)) {
      header += "; filename*=UTF-8''" + percentEncoded(name);
    }
    return header;
  }

  /** RFC 5987 attr-char kept, every other UTF-8 byte as {@code %XX}. */
  private static String percentEncoded(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
