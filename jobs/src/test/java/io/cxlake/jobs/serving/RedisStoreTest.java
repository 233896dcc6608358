package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisStoreTest extends ServingStoreContract {
  @Override
  StoreSpec freshSpec() {
    return TestServers.redis(TestServers.redisPort(), TestServers.newRedisPrefix());
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
