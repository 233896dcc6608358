package io.cxlake.lake.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads secrets from environment variables whose names the config gives. A missing secret fails
 * naming the variable and the config key, never a value; values are never logged or printed.
 */
public final class Secrets {
  private final Function<String, String> env;

  public Secrets(Function<String, String> env) {
    this.env = env;
  }

  /** Secrets from the process environment. */
  public static Secrets fromEnvironment() {
    return new Secrets(System::getenv);
  }

  /** These secrets, with some variables supplied in memory (e.g. a one-off demo key). */
  public Secrets withOverrides(Map<String, String> overrides) {
    return new Secrets(name -> overrides.containsKey(name) ? overrides.get(name) : env.apply(name));
  }

  /** Whether the environment variable is set (its value is not returned). */
  public boolean isSet(String envName) {
    String v = env.apply(envName);
    return v != null && !v.isBlank();
  }

  /** The secret in environment variable {@code envName}, configured by {@code configKey}. */
  public String require(String envName, String configKey) {
    String v = env.apply(envName);
    if (!isSet(envName)) {
      throw new ConfigError(
          "environment variable "
              + envName
              + " is not set (named by config key '"
              + configKey
              + "'); secrets are read from the environment only");
    }
    return v;
  }

  /** The pseudonymisation key (HMAC key for e-mail, phone and other raw identifiers). */
  public byte[] pseudonymKey(CxConfig config) {
    String env = config.secrets().pseudonymKeyEnv();
    String key = require(env, "secrets.pseudonym-key-env");
    if (key.length() < 16) {
      throw new ConfigError("environment variable " + env + " must hold at least 16 characters");
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
