package io.wearflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

  @TempDir Path dir;

  @Test
  void secretIsGeneratedOnceAndKept() throws IOException {
    LocalSecrets secrets = new LocalSecrets(dir.resolve("secrets"));

    String first = secrets.getOrCreate("admin-password", 18);
    String again = new LocalSecrets(dir.resolve("secrets")).getOrCreate("admin-password", 18);

    assertThat(first).hasSize(24).matches("[A-Za-z0-9_-]+");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void secretFilesAreReadableByTheOwnerOnly() throws IOException {
    LocalSecrets secrets = new LocalSecrets(dir.resolve("secrets"));
    secrets.getOrCreate("jwt-signing-key", 32);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(secrets.file("jwt-signing-key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void differentSecretsDiffer() throws IOException {
    LocalSecrets secrets = new LocalSecrets(dir);

    assertThat(secrets.getOrCreate("a", 32)).isNotEqualTo(secrets.getOrCreate("b", 32));
  }
}
