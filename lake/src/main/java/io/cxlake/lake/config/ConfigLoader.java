package io.cxlake.lake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Loads {@link CxConfig} with the precedence {@code --set key=value} > {@code --conf FILE} > the
 * built-in defaults ({@code cxlake-defaults.conf}). Every key must be one the defaults declare
 * (except under {@code spark.conf}, passed to Spark as is); an unknown key, a wrong type or a
 * missing value fails with a {@link ConfigError} naming the key and where it was set.
 */
public final class ConfigLoader {
  static final String DEFAULTS = "cxlake-defaults.conf";
  private static final String SPARK_CONF = "spark.conf";

  /** Sections whose entries are named by the user (tables, regions, automations). */
  private static final List<String> OPEN_SECTIONS =
      List.of("retention.days", "governance.regions", "governance.automations");

  private ConfigLoader() {}

  /**
   * Loads the configuration; {@code confFile} may be null, {@code sets} are "key=value" strings.
   */
  public static CxConfig load(File confFile, List<String> sets) {
    Config defaults = ConfigFactory.parseResources(DEFAULTS, ConfigParseOptions.defaults());
    Config user = ConfigFactory.empty();
    if (confFile != null) {
      if (!confFile.isFile()) {
        throw new ConfigError("config file not found: " + confFile);
      }
      try {
        user =
            ConfigFactory.parseFile(confFile, ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new ConfigError("cannot parse config file " + confFile + ": " + e.getMessage());
      }
    }
    for (String set : sets) {
      user = overrides(set).withFallback(user);
    }
    try {
      user = user.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(false));
    } catch (ConfigException e) {
      throw new ConfigError(e.getMessage());
    }
    rejectUnknownKeys(user, defaults);
    return read(user.withFallback(defaults).resolve());
  }

  private static Config overrides(String set) {
    int eq = set.indexOf('=');
    if (eq <= 0) {
      throw new ConfigError("--set expects key=value, got '" + set + "'");
    }
    String key = set.substring(0, eq).trim();
    String value = set.substring(eq + 1).trim();
    // Spark keys contain dots: spark.conf.spark.sql.x=1 sets the one key "spark.sql.x".
    String path =
        key.startsWith(SPARK_CONF + ".")
            ? SPARK_CONF + ".\"" + key.substring(SPARK_CONF.length() + 1) + "\""
            : key;
    try {
      return ConfigFactory.empty()
          .withValue(path, ConfigValueFactory.fromAnyRef(value, "--set " + key));
    } catch (ConfigException e) {
      throw new ConfigError("bad --set key '" + key + "': " + e.getMessage());
    }
  }

  private static void rejectUnknownKeys(Config user, Config defaults) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(leaves(user)).entrySet()) {
      String path = e.getKey();
      if (path.startsWith(SPARK_CONF + ".")) {
        continue;
      }
      if (OPEN_SECTIONS.stream().anyMatch(o -> path.startsWith(o + "."))) {
        continue; // their entries are checked when read
      }
      if (!defaults.hasPathOrNull(path)) {
        throw new ConfigError(
            "unknown config key '" + path + "' (" + e.getValue().origin().description() + ")");
      }
    }
  }

  private static Map<String, ConfigValue> leaves(Config c) {
    Map<String, ConfigValue> out = new LinkedHashMap<>();
    c.entrySet().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static CxConfig read(Config c) {
    Typed t = new Typed(c);
    return new CxConfig(
        new CxConfig.SparkSettings(
            t.string("spark.master"), t.string("spark.app-name"), t.stringMap(SPARK_CONF)),
        new CxConfig.LakeSettings(t.string("lake.root"), t.string("lake.landing")),
        new CxConfig.SecretsSettings(t.string("secrets.pseudonym-key-env")),
        new CxConfig.IngestSettings(
            t.positiveInt("ingest.max-field-chars"),
            t.positiveInt("ingest.future-tolerance-hours")),
        new CxConfig.FeatureSettings(
            t.positiveDouble("features.weights.view"),
            t.positiveDouble("features.weights.cart"),
            t.positiveDouble("features.weights.purchase"),
            t.positiveDouble("features.half-life-days"),
            t.positiveInt("features.covisitation.window-days"),
            t.positiveInt("features.covisitation.top-n"),
            t.positiveInt("features.interaction-snapshots")),
        new CxConfig.ImpactSettings(
            t.nonNegativeInt("impact.window-days"),
            t.positiveInt("impact.pre-period-days"),
            t.between("impact.treatment-share", 0, 1, false),
            t.between("impact.gross-margin", 0, 1, true),
            t.nonNegative("impact.cost-per-agent-minute"),
            t.nonNegative("impact.cost-per-returned-item"),
            t.nonNegative("impact.incentive-cost-per-user"),
            t.between("impact.operating-cost-per-day", 0, Double.MAX_VALUE, false)),
        new CxConfig.ServingSettings(
            t.oneOf("serving.store", "sqlite", "postgres", "redis"),
            t.string("serving.sqlite-path"),
            t.atLeast("serving.retain-versions", 2),
            t.positiveInt("serving.max-connections"),
            t.positiveInt("serving.batch-size"),
            t.positiveInt("serving.connect-attempts"),
            t.atLeast("serving.retry-backoff-ms", 0),
            new CxConfig.PostgresSettings(
                t.string("serving.postgres.url"),
                t.string("serving.postgres.user"),
                t.string("serving.postgres.password-env")),
            new CxConfig.RedisSettings(
                t.string("serving.redis.host"),
                t.positiveInt("serving.redis.port"),
                t.string("serving.redis.key-prefix"),
                t.string("serving.redis.password-env"))),
        new CxConfig.IntentsSettings(
            t.string("intents.labels"),
            t.positiveInt("intents.train-days"),
            t.fraction("intents.precision-target"),
            t.positiveInt("intents.min-validation-support"),
            t.positiveInt("intents.min-test-tickets"),
            t.stringList("intents.human-only"),
            t.fraction("intents.max-unknown-word-share")),
        new CxConfig.GateSettings(
            t.between("gates.max-quarantine-share", 0, 1, true),
            t.nonNegativeInt("gates.min-events"),
            t.positiveInt("gates.history-days"),
            t.positiveInt("gates.min-history-days"),
            t.nonNegativeInt("gates.min-median-rows"),
            t.between("gates.max-row-count-factor", 1, Double.MAX_VALUE, false),
            t.between("gates.min-completeness", 0, 1, true),
            t.nonNegativeInt("gates.max-staleness-days"),
            t.positiveDouble("gates.psi-warn"),
            t.positiveDouble("gates.psi-block"),
            t.atLeast("gates.psi-bins", 2),
            t.positiveInt("gates.psi-min-rows"),
            t.between("gates.champion-tolerance", 0, 1, true)),
        new CxConfig.NightlySettings(t.positiveInt("nightly.lock-ttl-minutes")),
        new CxConfig.ReturnRiskSettings(
            t.positiveInt("return-risk.label-days"),
            t.between("return-risk.calibration-share", 0, 1, false),
            t.between("return-risk.test-share", 0, 1, false),
            t.nonNegative("return-risk.reg-param"),
            t.positiveInt("return-risk.min-category-count"),
            t.fraction("return-risk.medium-band"),
            t.fraction("return-risk.high-band"),
            t.positiveInt("return-risk.reliability-bins"),
            t.positiveDouble("return-risk.max-fairness-gap"),
            t.positiveInt("return-risk.min-segment-lines"),
            t.bool("return-risk.block-on-fairness")),
        new CxConfig.RetentionSettings(
            t.intMap("retention.days"), t.atLeast("retention.vacuum-hours", 168)),
        GovernanceConfig.read(c),
        new CxConfig.RecsSettings(
            t.positiveInt("recs.k"),
            t.positiveInt("recs.candidates"),
            t.positiveInt("recs.similar-items"),
            t.positiveInt("recs.popular-items"),
            t.nonNegativeInt("recs.min-history"),
            t.positiveInt("recs.session-window-days"),
            t.bool("recs.exclude-bought"),
            t.stringList("recs.forbidden-categories"),
            t.stringList("recs.forbidden-items"),
            t.positiveInt("recs.holdout-days"),
            t.bool("recs.tune-weights"),
            t.positiveInt("recs.tune-users"),
            t.nonNegative("recs.tolerance"),
            t.atLeast("recs.content-features", 16),
            t.doubleMap("recs.weights"),
            new CxConfig.RecsSettings.AlsSettings(
                t.bool("recs.als.enabled"),
                t.positiveInt("recs.als.rank"),
                t.nonNegative("recs.als.reg-param"),
                t.nonNegative("recs.als.alpha"),
                t.positiveInt("recs.als.iterations"))));
  }

  /** Typed getters that turn the library's exceptions into errors naming key and origin. */
  private record Typed(Config c) {
    String string(String path) {
      return read(path, "a string", c::getString);
    }

    int positiveInt(String path) {
      int v = integer(path);
      if (v <= 0) {
        throw new ConfigError(
            "config key '" + path + "' must be positive, got " + v + " (" + origin(path) + ")");
      }
      return v;
    }

    int atLeast(String path, int min) {
      int v = integer(path);
      if (v < min) {
        throw new ConfigError(
            "config key '"
                + path
                + "' must be at least "
                + min
                + ", got "
                + v
                + " ("
                + origin(path)
                + ")");
      }
      return v;
    }

    boolean bool(String path) {
      return read(path, "a boolean", c::getBoolean);
    }

    double positiveDouble(String path) {
      return between(path, 0, Double.MAX_VALUE, false);
    }

    int nonNegativeInt(String path) {
      int v = integer(path);
      if (v < 0) {
        throw new ConfigError(
            "config key '" + path + "' must be >= 0, got " + v + " (" + origin(path) + ")");
      }
      return v;
    }

    private int integer(String path) {
      return read(path, "an integer", c::getInt);
    }

    /** A number in (0, 1]. */
    double fraction(String path) {
      double v = number(path);
      if (!(v > 0 && v <= 1)) {
        throw new ConfigError(
            "config key '" + path + "' must lie in (0, 1], got " + v + " (" + origin(path) + ")");
      }
      return v;
    }

    private double number(String path) {
      return read(path, "a number", c::getDouble);
    }

    List<String> stringList(String path) {
      return read(path, "a list of strings", k -> List.copyOf(c.getStringList(k)));
    }

    double nonNegative(String path) {
      return between(path, 0, Double.MAX_VALUE, true);
    }

    /** A number in (low, high), or [low, high] when {@code closed}. */
    double between(String path, double low, double high, boolean closed) {
      double v = number(path);
      boolean ok = closed ? v >= low && v <= high : v > low && v < high;
      if (!ok) {
        String range =
            (closed ? "[" : "(")
                + low
                + ", "
                + (high == Double.MAX_VALUE ? "inf" : String.valueOf(high))
                + (closed ? "]" : ")");
        throw new ConfigError(
            "config key '"
                + path
                + "' must lie in "
                + range
                + ", got "
                + v
                + " ("
                + origin(path)
                + ")");
      }
      return v;
    }

    String oneOf(String path, String... allowed) {
      String v = string(path);
      if (!List.of(allowed).contains(v)) {
        throw new ConfigError(
            "config key '"
                + path
                + "' must be one of "
                + List.of(allowed)
                + ", got '"
                + v
                + "' ("
                + origin(path)
                + ")");
      }
      return v;
    }

    /** A section of name = non-negative integer entries. */
    Map<String, Integer> intMap(String path) {
      Map<String, Integer> out = new TreeMap<>();
      for (String k : c.getConfig(path).root().keySet()) {
        out.put(k, nonNegativeInt(path + "." + ConfigUtil.quoteString(k)));
      }
      return Map.copyOf(out);
    }

    /** A section of name = non-negative number entries. */
    Map<String, Double> doubleMap(String path) {
      Map<String, Double> out = new TreeMap<>();
      for (String k : c.getConfig(path).root().keySet()) {
        out.put(k, nonNegative(path + "." + ConfigUtil.quoteString(k)));
      }
      return Map.copyOf(out);
    }

    Map<String, String> stringMap(String path) {
      Map<String, String> out = new TreeMap<>();
      c.getConfig(path)
          .entrySet()
          .forEach(
              e ->
                  out.put(
                      String.join(".", ConfigUtil.splitPath(e.getKey())),
                      String.valueOf(e.getValue().unwrapped())));
      return Map.copyOf(out);
    }

    /** One getter's value; a missing key or a wrong type is a ConfigError naming the key. */
    private <T> T read(String path, String expected, Function<String, T> getter) {
      try {
        return getter.apply(path);
      } catch (ConfigException.Missing e) {
        throw new ConfigError("missing required config key '" + path + "'");
      } catch (ConfigException e) {
        throw wrongType(path, expected, e);
      }
    }

    private String origin(String path) {
      return c.getValue(path).origin().description();
    }

    private ConfigError wrongType(String path, String expected, ConfigException e) {
      return new ConfigError(
          "config key '" + path + "' must be " + expected + " (" + origin(path) + ")");
    }
  }
}
