package io.cxlake.jobs.serving;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends ServingStoreContract {
  @TempDir Path dir;

  @Override
  StoreSpec freshSpec() {
    return TestServers.sqlite(dir.resolve("serving.db").toString());
  }
}
