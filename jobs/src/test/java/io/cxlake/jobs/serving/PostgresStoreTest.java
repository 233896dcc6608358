package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends ServingStoreContract {
  @Override
  StoreSpec freshSpec() {
    return TestServers.postgres(TestServers.newPostgresDatabase());
  }

  /**
   * The database stops accepting connections after version 1 was published: the next publish fails
   * naming the store, and once it is back version 1 is still the one served, whole.
   */
  @Test
  void aPublishToADatabaseThatRefusesConnectionsLeavesTheCurrentVersionServing() throws Exception {
    long v1 = publish(100, 1, D1, false).version().id();
    String db = spec.postgresUrl().substring(spec.postgresUrl().lastIndexOf('/') + 1);
    store.close();
    try {
      admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
      assertThatThrownBy(() -> spec.open())
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("postgres at 127.0.0.1:")
          .hasMessageContaining("current version is untouched");
    } finally {
      admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
    }
    store = spec.open();
    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertServes(ScoreFixtures.run(100, 1));
  }

  private static void admin(String sql) throws Exception {
    try (Connection c = TestServers.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
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
