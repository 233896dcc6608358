package io.cxlake.jobs.returnrisk;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Trains, gates and registers the return-risk classifier, then scores with the champion. */
@Command(
    name = "return-risk",
    mixinStandardHelpOptions = true,
    description =
        "The nightly's return-risk step: train return-risk, then score return-risk. Trains on the"
            + " order lines whose return window (return-risk.label-days) closed by --run-date,"
            + " calibrates and evaluates on the newest of them against the naive baseline (the"
            + " customer's past return rate), checks fairness across regions and registers the"
            + " model in model_registry; it becomes champion when it beats the baseline and is"
            + " within gates.champion-tolerance of the champion's AUC-ROC. Then the champion scores"
            + " the open lines into return_risk. A lake too young to train on gets no model and says"
            + " why (the champion, if any, still scores). A rejected model scores nothing and exits"
            + " 3. Rerunnable.")
public final class ReturnRiskCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    ReturnRiskJob.Outcome r = ReturnRiskJob.step(Pipeline.open(common, main.secrets()), day);
    System.out.println("return-risk " + day + ": " + r.summary());
    return ExitCodes.OK; // a rejected model is thrown, and exits 3
  }
}
