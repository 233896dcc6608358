package io.cxlake.jobs.recs;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eval}: offline evaluations on files; {@code eval recs} for the recommenders. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Offline evaluation on an interactions file.",
    subcommands = {EvalRecsCommand.class})
public final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name what to evaluate: recs");
  }
}
