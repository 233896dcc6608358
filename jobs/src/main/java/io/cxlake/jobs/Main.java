package io.cxlake.jobs;

import io.cxlake.jobs.bench.BenchCommand;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.demo.DemoCommand;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.generate.GenerateCommand;
import io.cxlake.jobs.governance.AutomationsCommand;
import io.cxlake.jobs.governance.ForgetCommand;
import io.cxlake.jobs.governance.ModelsCommand;
import io.cxlake.jobs.governance.RetentionCommand;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.jobs.intents.IntentsCommand;
import io.cxlake.jobs.kpi.KpisCommand;
import io.cxlake.jobs.measure.MeasureCommand;
import io.cxlake.jobs.nightly.DriftCommand;
import io.cxlake.jobs.nightly.NightlyCommand;
import io.cxlake.jobs.nightly.QualityCommand;
import io.cxlake.jobs.recs.EvalCommand;
import io.cxlake.jobs.report.ReportCommand;
import io.cxlake.jobs.returnrisk.ReturnRiskCommand;
import io.cxlake.jobs.serving.LookupCommand;
import io.cxlake.jobs.serving.PublishCommand;
import io.cxlake.jobs.serving.PublishRefused;
import io.cxlake.jobs.serving.ServingException;
import io.cxlake.jobs.sql.SqlCommand;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.config.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code cxlake <subcommand> [options]}, locally or under spark-submit. */
@Command(
    name = "cxlake",
    mixinStandardHelpOptions = true,
    version = "cxlake 0.1.0",
    description = "Batch ML and analytics pipeline for online retailers, on Spark and Delta Lake.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      FeaturesCommand.class,
      IntentsCommand.class,
      MeasureCommand.class,
      KpisCommand.class,
      NightlyCommand.class,
      PublishCommand.class,
      LookupCommand.class,
      ReturnRiskCommand.class,
      TrainCommand.class,
      ScoreCommand.class,
      SqlCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ForgetCommand.class,
      RetentionCommand.class,
      ModelsCommand.class,
      AutomationsCommand.class,
      QualityCommand.class,
      DriftCommand.class,
      EvalCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private final Secrets secrets;

  private Main(Secrets secrets) {
    this.secrets = secrets;
  }

  /** Where commands read secrets from: the environment, or what a test supplies. */
  public Secrets secrets() {
    return secrets;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the command line with secrets from the environment; returns the exit code. */
  public static int run(String... args) {
    return run(Secrets.fromEnvironment(), args);
  }

  /** Runs the command line with the given secrets (tests); returns the exit code. */
  public static int run(Secrets secrets, String... args) {
    CommandLine cl = new CommandLine(new Main(secrets));
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ConfigError) {
            line.getErr().println("cxlake: configuration error: " + e.getMessage());
            return ExitCodes.BAD_CONFIG;
          }
          if (e instanceof GateBlockedException) {
            line.getErr()
                .println("cxlake: " + line.getCommandName() + " blocked: " + e.getMessage());
            return ExitCodes.GATE_BLOCKED;
          }
          if (e instanceof PublishRefused) {
            line.getErr()
                .println("cxlake: " + line.getCommandName() + " refused: " + e.getMessage());
            return ExitCodes.GATE_BLOCKED;
          }
          if (e instanceof ServingException) {
            // The message names the store and what happened; a stack trace would bury it.
            line.getErr()
                .println("cxlake: " + line.getCommandName() + " failed: " + e.getMessage());
            return ExitCodes.STEP_FAILED;
          }
          line.getErr().println("cxlake: " + line.getCommandName() + " failed: " + e);
          e.printStackTrace(line.getErr());
          return ExitCodes.STEP_FAILED;
        });
    return cl.execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
