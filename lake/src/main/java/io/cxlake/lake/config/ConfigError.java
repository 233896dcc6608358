package io.cxlake.lake.config;

/**
 * A configuration problem: an unknown key, a wrong type or a missing value, named with its origin.
 */
public final class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }
}
