package io.cxlake.jobs.intents;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.ScoreCommand;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code cxlake score intents}. */
@Command(
    name = "intents",
    mixinStandardHelpOptions = true,
    description =
        "Route the support tickets of --run-date with the champion intent model into"
            + " ticket_routing (intent, confidence, route automate or person, reason, model"
            + " version), evaluate them where tagged (slice day) and write intent_kpis. Without a"
            + " champion every ticket goes to a person (reason no_model).")
public final class ScoreIntentsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand ScoreCommand score;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Pipeline p = Pipeline.open(common, score.main().secrets());
    System.out.println("score intents " + day + ": " + IntentsJob.scoreStep(p, day).summary());
    return ExitCodes.OK;
  }
}
