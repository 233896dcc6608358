package io.cxlake.jobs.serving;

import io.cxlake.lake.config.ConfigError;
import java.util.List;

/** The {@code --store} option's values: checked like the config key it overrides. */
public final class StoreOption {
  static final List<String> TYPES = List.of("sqlite", "postgres", "redis");

  private StoreOption() {}

  /** The value if it is a store type (or null); otherwise a bad-argument error. */
  public static String check(String store) {
    if (store != null && !TYPES.contains(store)) {
      throw new ConfigError("--store must be one of " + TYPES + ", got '" + store + "'");
    }
    return store;
  }
}
