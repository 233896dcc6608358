package io.cxlake.jobs.cli;

import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every subcommand shares: config file, overrides, run date. */
public final class CommonOptions {
  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Config file (HOCON). Without it, the built-in defaults (the embedded setup).")
  File conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one config key; repeatable. Beats --conf, which beats the defaults.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "The date the run is for: data before this day's end is in scope.")
  LocalDate runDate;

  /** Loads and validates the config: fails (exit 2) before Spark starts. */
  public CxConfig config() {
    return ConfigLoader.load(conf, sets);
  }

  public LocalDate runDate() {
    if (runDate == null) {
      throw new ConfigError("--run-date is required for this command");
    }
    return runDate;
  }

  /** The same options with extra overrides behind the user's own --set values (demo's paths). */
  public CommonOptions withDefaults(List<String> extraSets) {
    CommonOptions o = new CommonOptions();
    o.conf = conf;
    o.runDate = runDate;
    o.sets = new ArrayList<>(extraSets);
    o.sets.addAll(sets);
    return o;
  }
}
