package io.cxlake.lake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code governance.regions} and {@code governance.automations}: sections whose entries the
 * user names, so each entry's keys and values are checked here, naming the key and where it was
 * set. An automation a region enables must be in the catalogue; purposes must be known.
 */
final class GovernanceConfig {
  private static final Set<String> REGION_KEYS = Set.of("automations", "explicit-consent");
  private static final Set<String> AUTOMATION_KEYS =
      Set.of("owner", "purpose", "started", "retired", "description");

  private GovernanceConfig() {}

  static CxConfig.GovernanceSettings read(Config c) {
    Map<String, CxConfig.AutomationSpec> automations = new TreeMap<>();
    Config autos = c.getConfig("governance.automations");
    for (String name : autos.root().keySet()) {
      String path = "governance.automations." + ConfigUtil.quoteString(name);
      Config a = section(c, path, AUTOMATION_KEYS);
      String purpose = optional(a, c, path, "purpose");
      if (purpose != null && !CxConfig.PURPOSES.contains(purpose)) {
        throw new ConfigError(
            "config key '"
                + shown(path)
                + ".purpose' must be one of "
                + CxConfig.PURPOSES
                + " or empty, got '"
                + purpose
                + "' ("
                + c.getValue(path + ".purpose").origin().description()
                + ")");
      }
      automations.put(
          name,
          new CxConfig.AutomationSpec(
              required(a, c, path, "owner"),
              purpose,
              date(path, "started", optional(a, c, path, "started")),
              date(path, "retired", optional(a, c, path, "retired")),
              optional(a, c, path, "description")));
    }
    Map<String, CxConfig.RegionPolicy> regions = new TreeMap<>();
    Config regs = c.getConfig("governance.regions");
    for (String name : regs.root().keySet()) {
      String path = "governance.regions." + ConfigUtil.quoteString(name);
      section(c, path, REGION_KEYS);
      List<String> enabled = list(c, path + ".automations");
      for (String a : enabled) {
        if (!automations.containsKey(a)) {
          throw new ConfigError(
              "config key '"
                  + shown(path)
                  + ".automations' names '"
                  + a
                  + "', which governance.automations does not list ("
                  + c.getValue(path + ".automations").origin().description()
                  + ")");
        }
      }
      List<String> explicit = list(c, path + ".explicit-consent");
      for (String p : explicit) {
        if (!CxConfig.PURPOSES.contains(p)) {
          throw new ConfigError(
              "config key '"
                  + shown(path)
                  + ".explicit-consent' names '"
                  + p
                  + "', not one of "
                  + CxConfig.PURPOSES
                  + " ("
                  + c.getValue(path + ".explicit-consent").origin().description()
                  + ")");
        }
      }
      regions.put(name, new CxConfig.RegionPolicy(List.copyOf(enabled), List.copyOf(explicit)));
    }
    if (!regions.containsKey(CxConfig.DEFAULT_REGION)) {
      throw new ConfigError("governance.regions must keep a 'default' region policy");
    }
    return new CxConfig.GovernanceSettings(Map.copyOf(regions), Map.copyOf(automations));
  }

  /** The object at path, with only the allowed keys. */
  private static Config section(Config c, String path, Set<String> allowed) {
    ConfigValue v = c.getValue(path);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw new ConfigError(
          "config key '" + shown(path) + "' must be an object (" + v.origin().description() + ")");
    }
    Config s = c.getConfig(path);
    for (String k : s.root().keySet()) {
      if (!allowed.contains(k)) {
        throw new ConfigError(
            "unknown config key '"
                + shown(path)
                + "."
                + k
                + "' (allowed: "
                + new java.util.TreeSet<>(allowed)
                + ") ("
                + s.getValue(ConfigUtil.quoteString(k)).origin().description()
                + ")");
      }
    }
    return s;
  }

  private static String required(Config s, Config c, String path, String key) {
    String v = optional(s, c, path, key);
    if (v == null) {
      throw new ConfigError("missing required config key '" + shown(path) + "." + key + "'");
    }
    return v;
  }

  /** A string, or null when absent or empty. */
  private static String optional(Config s, Config c, String path, String key) {
    if (!s.hasPath(key)) {
      return null;
    }
    try {
      String v = s.getString(key).trim();
      return v.isEmpty() ? null : v;
    } catch (ConfigException e) {
      throw new ConfigError(
          "config key '"
              + shown(path)
              + "."
              + key
              + "' must be a string ("
              + s.getValue(key).origin().description()
              + ")");
    }
  }

  private static LocalDate date(String path, String key, String v) {
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new ConfigError(
          "config key '"
              + shown(path)
              + "."
              + key
              + "' must be a date YYYY-MM-DD or empty, got '"
              + v
              + "'");
    }
  }

  /** A path as the user wrote it: without the quotes that protect a name with dots. */
  private static String shown(String path) {
    return path.replace("\"", "");
  }

  /** A list of strings, or a comma-separated string (what --set gives). */
  private static List<String> list(Config c, String path) {
    if (!c.hasPath(path)) {
      return List.of();
    }
    ConfigValue v = c.getValue(path);
    List<String> out = new ArrayList<>();
    if (v.valueType() == ConfigValueType.LIST) {
      try {
        c.getStringList(path).forEach(x -> add(out, x));
      } catch (ConfigException e) {
        throw new ConfigError(
            "config key '"
                + shown(path)
                + "' must be a list of strings ("
                + v.origin().description()
                + ")");
      }
    } else if (v.valueType() == ConfigValueType.STRING) {
      String text = c.getString(path).trim();
      if (text.startsWith("[") && text.endsWith("]")) {
        text = text.substring(1, text.length() - 1);
      }
      for (String x : text.split(",")) {
        add(out, x);
      }
    } else {
      throw new ConfigError(
          "config key '"
              + shown(path)
              + "' must be a list of strings ("
              + v.origin().description()
              + ")");
    }
    return out;
  }

  private static void add(List<String> out, String x) {
    String t = x.trim();
    if (!t.isEmpty() && !out.contains(t)) {
      out.add(t);
    }
  }
}
