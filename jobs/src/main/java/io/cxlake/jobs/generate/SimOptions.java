package io.cxlake.jobs.generate;

import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.sim.SimParams;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The simulated shop's size and seed, shared by {@code generate} and {@code demo}. */
public final class SimOptions {
  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "Users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--items",
      defaultValue = "200",
      description = "Items (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--days", defaultValue = "7", description = "Days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--bad-rate",
      defaultValue = "0.01",
      description = "Share of planted bad rows (default: ${DEFAULT-VALUE}).")
  double badRate;

  @Option(
      names = "--first-day",
      defaultValue = "2026-10-01",
      description = "First simulated day (default: ${DEFAULT-VALUE}).")
  LocalDate firstDay;

  /** The parameters; an impossible size is a usage error (exit 2), found before any work. */
  public SimParams params() {
    try {
      return new SimParams(seed, users, items, days, badRate, firstDay);
    } catch (IllegalArgumentException e) {
      throw new ConfigError(e.getMessage());
    }
  }
}
