package io.cxlake.jobs.intents;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.models.intents.IntentsResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The nightly's intents step: train intents, then score intents. */
@Command(
    name = "intents",
    mixinStandardHelpOptions = true,
    description =
        "The nightly's intents step: train intents, then score intents. Trains the support-intent"
            + " classifier on the tagged tickets before --run-date, chooses each intent's"
            + " confidence threshold on a validation slice, evaluates it on held-out tickets and"
            + " registers it; then the champion routes the tickets of --run-date (automate or"
            + " person, with a reason) into ticket_routing, with intent_metrics, intent_confusion"
            + " and intent_kpis (containment rate). A model worse than the serving champion exits"
            + " 3 (the champion still routes the day). Rerunnable.")
public final class IntentsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    IntentsResult r = IntentsJob.step(Pipeline.open(common, main.secrets()), day);
    System.out.println("intents " + day + ": " + r.summary());
    return ExitCodes.OK;
  }
}
