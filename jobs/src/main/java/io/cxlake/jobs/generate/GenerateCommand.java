package io.cxlake.jobs.generate;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.spark.SparkSessions;
import java.io.File;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a simulated shop's landing zone and, beside it, the planted truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate a sample landing zone (DIR/landing) and its planted truth (DIR/truth), "
            + "deterministic per seed.")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  File out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--users",
      defaultValue = "2000",
      description = "Users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--items",
      defaultValue = "300",
      description = "Items (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--days", defaultValue = "60", description = "Days (default: ${DEFAULT-VALUE}).")
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

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create(common.config().spark());
    var result = Simulator.generate(spark, params(), out.toPath());
    System.out.println("generated " + result + " under " + out);
    return ExitCodes.OK;
  }

  public SimParams params() {
    return new SimParams(seed, users, items, days, badRate, firstDay);
  }
}
