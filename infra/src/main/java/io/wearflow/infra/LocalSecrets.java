package io.wearflow.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the local stack needs but nobody configured (the admin's password, token signing keys):
 * generated once with a strong random source into {@code <data dir>/secrets/<name>} (directory mode
 * 0700, files 0600) and read back on later starts, so they survive restarts. Their values are never
 * logged; only the file's path is shown.
 */
public final class LocalSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  /**
   * @param dir the secrets directory (created on first use)
   */
  public LocalSecrets(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The file holding a secret. */
  public Path file(String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("not a secret name: " + name);
    }
    return dir.resolve(name);
  }

  /** Whether the secret has been generated already. */
  public boolean exists(String name) {
    return Files.isRegularFile(file(name));
  }

  /**
   * The secret's value, generated on first use as {@code bytes} random bytes in URL-safe Base64
   * without padding.
   */
  public synchronized String getOrCreate(String name, int bytes) throws IOException {
    Path file = file(name);
    if (Files.isRegularFile(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    createPrivateDirectory();
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    Files.writeString(
        file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    return value;
  }

  private void createPrivateDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }
}
