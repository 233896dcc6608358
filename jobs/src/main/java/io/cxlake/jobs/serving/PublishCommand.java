package io.cxlake.jobs.serving;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.CxConfig;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Score tables of one run-date → a new serving-store version, validated, then made current. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    subcommands = {RollbackCommand.class, VersionsCommand.class},
    description =
        "Publish --run-date's score tables to the serving store as a new version: write it"
            + " invisibly, validate it, flip the current-version pointer, drop versions beyond"
            + " serving.retain-versions. A run-date older than the current version's is refused"
            + " (exit 3) unless --force.")
public final class PublishCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(
      names = "--store",
      paramLabel = "sqlite|postgres|redis",
      description = "The store to publish to, instead of serving.store.")
  String store;

  @Option(
      names = "--force",
      description = "Publish even if the current version holds a later run-date.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    CxConfig config = common.config();
    LocalDate day = common.runDate();
    StoreSpec spec = StoreSpec.of(config.serving(), main.secrets(), StoreOption.check(store));
    // Connect before Spark starts: a store that is down fails in seconds, touching nothing.
    try (ServingStore target = spec.open()) {
      Pipeline p = Pipeline.open(common, main.secrets());
      PublishResult r =
          p.step(
              "publish",
              day,
              List.of(),
              () -> {
                try (SparkScores scores = new SparkScores(p.lake(), day, spec)) {
                  return Publisher.publish(target, scores, day, force, spec.retainVersions());
                }
              },
              PublishCommand::describe);
      System.out.println(r.summary());
      return ExitCodes.OK;
    }
  }

  private static Pipeline.StepResult describe(PublishResult r) {
    Map<String, Long> counts = new LinkedHashMap<>(r.rows());
    counts.put("version", r.version().id());
    return new Pipeline.StepResult(counts, r.summary());
  }

  Main main() {
    return main;
  }
}
