package io.cxlake.jobs.serving;

import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.Secrets;
import java.nio.file.Path;
import java.util.List;

/** The version a SQLite serving file serves, read through its pointer as a reader would. */
public final class SqliteServed {
  private SqliteServed() {}

  public static Version current(Path db) {
    StoreSpec spec =
        StoreSpec.of(
            ConfigLoader.load(null, List.of("serving.sqlite-path=" + db)).serving(),
            Secrets.fromEnvironment(),
            null);
    try (ServingStore s = spec.open()) {
      return s.current().orElseThrow();
    }
  }
}
