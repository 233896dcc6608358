package io.cxlake.jobs.generate;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.spark.SparkSessions;
import java.io.File;
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

  @Mixin SimOptions sim;

  @Override
  public Integer call() {
    SimParams params = sim.params(); // a bad size fails before Spark starts
    SparkSession spark = SparkSessions.create(common.config().spark());
    var result = Simulator.generate(spark, params, out.toPath());
    System.out.println("generated " + result + " under " + out);
    return ExitCodes.OK;
  }
}
