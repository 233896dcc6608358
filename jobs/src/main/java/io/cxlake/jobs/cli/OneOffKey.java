package io.cxlake.jobs.cli;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The pseudonymisation key for a throwaway sample lake (demo, bench): the environment's when set,
 * else a random one-off key held only in memory, said so on stdout.
 */
public final class OneOffKey {
  private OneOffKey() {}

  public static Secrets secrets(Secrets env, CxConfig config) {
    String name = config.secrets().pseudonymKeyEnv();
    if (env.isSet(name)) {
      return env;
    }
    System.out.println(name + " is not set: identifiers are hashed with a random one-off key.");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return env.withOverrides(Map.of(name, HexFormat.of().formatHex(key)));
  }
}
