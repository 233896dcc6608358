package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends ServingStoreContract {
  @TempDir Path dir;

  @Override
  StoreSpec freshSpec() {
    return TestServers.sqlite(dir.resolve("serving.db").toString());
  }

  /**
   * After forget, the user's id is in no byte of the database file or its WAL: deleted rows would
   * otherwise linger in free pages (and the WAL) until overwritten.
   */
  @Test
  void aForgottenKeyLeavesNoBytesInTheFiles() throws Exception {
    publish(50, 1, D1, false);
    publish(50, 2, D2, false);
    assertThat(bytesContaining("user-17")).as("before forget").isNotEmpty();
    store.forget(ServingTable.RECOMMENDATIONS, List.of("user-17"));
    assertThat(bytesContaining("user-17")).isEmpty();
    assertThat(bytesContaining("user-18")).as("another user").isNotEmpty();
  }

  private List<Path> bytesContaining(String s) throws Exception {
    byte[] needle = s.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> indexOf(read(f), needle) >= 0).toList();
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
