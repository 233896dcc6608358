package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresStoreTest extends ServingStoreContract {
  @Override
  StoreSpec freshSpec() {
    return TestServers.postgres(TestServers.newPostgresDatabase());
  }

  @Test
  void aStoreThatIsDownFailsNamingHostAndPortAfterRetrying() {
    int port = TestServers.freePort();
    StoreSpec down = TestServers.postgres("jdbc:postgresql://127.0.0.1:" + port + "/cxlake");
    assertThatThrownBy(down::open)
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("postgres at 127.0.0.1:" + port)
        .hasMessageContaining("after 2 attempt(s)")
        .hasMessageContaining("current version is untouched");
  }
}
