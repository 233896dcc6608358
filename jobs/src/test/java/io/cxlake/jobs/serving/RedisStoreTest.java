package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisStoreTest extends ServingStoreContract {
  @Override
  StoreSpec freshSpec() {
    return TestServers.redis(TestServers.redisPort(), TestServers.newRedisPrefix());
  }

  /**
   * Redis starts refusing our client (a password is set) after version 1 was published: the next
   * publish fails naming the store, and once it is back version 1 is still the one served, whole.
   */
  @Test
  void aPublishToARedisThatRefusesTheClientLeavesTheCurrentVersionServing() {
    long v1 = publish(100, 1, D1, false).version().id();
    try (Jedis admin = new Jedis("127.0.0.1", spec.redisPort())) {
      admin.configSet("requirepass", "not-the-publishers-password");
      try {
        assertThatThrownBy(() -> Publisher.publish(spec.open(), null, D2, false, 3))
            .isInstanceOf(StoreUnavailable.class)
            .hasMessageContaining("redis at 127.0.0.1:" + spec.redisPort())
            .hasMessageContaining("current version is untouched");
      } finally {
        admin.auth("not-the-publishers-password");
        admin.configSet("requirepass", "");
      }
    }
    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertServes(ScoreFixtures.run(100, 1));
  }

  @Test
  void aStoreThatIsDownFailsNamingHostAndPortAfterRetrying() {
    int port = TestServers.freePort();
    StoreSpec down = TestServers.redis(port, "cx");
    assertThatThrownBy(down::open)
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("redis at 127.0.0.1:" + port)
        .hasMessageContaining("after 2 attempt(s)")
        .hasMessageContaining("current version is untouched");
  }
}
