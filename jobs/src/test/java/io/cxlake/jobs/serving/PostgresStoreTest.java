package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * Each writer loads one range of keys into a part of its own, indexed on the key; the parts are
   * the version table's partitions, and a lookup by key reads one of them through its index.
   */
  @Test
  void eachWriterLoadsAndIndexesOneKeyRangeAndALookupReadsOnePartitionByItsIndex()
      throws Exception {
    long v = publish(1000, 1, D1, false).version().id();
    String table = SqlStore.table(v, ServingTable.RECOMMENDATIONS);
    List<String> parts =
        strings(
            "SELECT c.relname || ':' || (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid)"
                + " FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid"
                + " WHERE h.inhparent = '"
                + table
                + "'::regclass ORDER BY 1");
    assertThat(parts).hasSize(spec.maxConnections()).allMatch(p -> p.endsWith(":1"));
    String plan =
        String.join(
            "\n",
            strings(
                "EXPLAIN SELECT * FROM cx_recommendations WHERE user_id = '"
                    + ScoreFixtures.user(7)
                    + "'"));
    assertThat(plan).contains("Index Scan").doesNotContain("Append").doesNotContain("Seq Scan");
  }

  /**
   * Writers whose key ranges overlap (rows split by hash, not by range) cannot be made partitions:
   * the publish is refused, the current version serves on, and no part is left behind.
   */
  @Test
  void writersWhoseKeyRangesOverlapAreRefusedAndLeaveNothingBehind() throws Exception {
    long v1 = publish(100, 1, D1, false).version().id();
    Map<ServingTable, List<List<Object>>> rows = ScoreFixtures.run(100, 2);
    MemoryScores byHash =
        new MemoryScores(rows, store, 2) {
          @Override
          List<List<List<Object>>> partitions(ServingTable t) {
            List<List<List<Object>>> parts = List.of(new ArrayList<>(), new ArrayList<>());
            new TreeMap<>(byKey(t))
                .forEach((k, g) -> parts.get(Math.floorMod(k.hashCode(), 2)).addAll(g));
            return parts;
          }
        };
    assertThatThrownBy(() -> Publisher.publish(store, byHash, D2, false, 3))
        .isInstanceOf(ServingException.class)
        .hasMessageContaining("would overlap");
    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertServes(ScoreFixtures.run(100, 1));
    assertThat(strings("SELECT relname FROM pg_class WHERE relname ~ '_v[0-9]+_p[0-9]+$'"))
        .allMatch(n -> n.contains("_v" + v1 + "_p"));
  }

  private List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = spec.postgres();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
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
