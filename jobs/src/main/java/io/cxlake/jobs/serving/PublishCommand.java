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
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(PublishCommand.class);

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

  /**
   * The nightly's publish step: D's scores to the configured store. Two cases publish nothing and
   * say so, leaving the current version serving: a run-date older than the served one (a backfill
   * of past dates never replaces newer scores), and a run with no scores at all yet (every model
   * step said "no model", as on a young lake). A run with some tables empty publishes them empty.
   */
  public static Pipeline.StepResult run(Pipeline p, LocalDate day) throws Exception {
    StoreSpec spec = StoreSpec.of(p.config().serving(), p.secrets(), null);
    try (ServingStore target = spec.open()) {
      return p.step("publish", day, List.of(), () -> publishRun(p, target, spec, day), r -> r);
    }
  }

  private static Pipeline.StepResult publishRun(
      Pipeline p, ServingStore target, StoreSpec spec, LocalDate day) {
    Optional<Version> current = target.current();
    String stays =
        current
            .map(v -> "version " + v.id() + " (run-date " + v.runDate() + ") stays current")
            .orElse("the store has no version yet");
    if (current.isPresent() && current.get().runDate().isAfter(day)) {
      LOG.warn("publish {}: not published, {} serves a later run-date", day, target.describe());
      return new Pipeline.StepResult(
          Map.of(), "not published: a later run-date is served; " + stays);
    }
    try (SparkScores scores = new SparkScores(p.lake(), day, spec)) {
      Map<String, Long> rows = new LinkedHashMap<>();
      for (ServingTable t : ServingTable.values()) {
        rows.put(t.storeName(), scores.rows(t));
      }
      if (rows.values().stream().allMatch(n -> n == 0)) {
        LOG.warn("publish {}: no score table has rows for the date; {}", day, stays);
        return new Pipeline.StepResult(
            rows, "nothing to publish: no score table has rows for " + day + " yet; " + stays);
      }
      return describe(Publisher.publish(target, scores, day, false, spec.retainVersions()));
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
