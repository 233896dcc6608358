package io.cxlake.jobs.serving;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Points readers back at an earlier version. No Spark and no lake: a rollback must work when the
 * cluster or the lake is what is broken, and takes well under a second.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description =
        "Flip the serving store's current-version pointer back: to --to VERSION, or to the newest"
            + " published version older than the current one.")
public final class RollbackCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand PublishCommand publish;

  @Option(names = "--to", paramLabel = "VERSION", description = "The version to serve.")
  Long to;

  @Option(
      names = "--store",
      paramLabel = "sqlite|postgres|redis",
      description = "The store, instead of serving.store.")
  String store;

  @Override
  public Integer call() {
    StoreSpec spec =
        StoreSpec.of(common.config().serving(), publish.main().secrets(), StoreOption.check(store));
    try (ServingStore s = spec.open()) {
      long from = s.current().map(Version::id).orElse(0L);
      Version v = s.rollback(to == null ? OptionalLong.empty() : OptionalLong.of(to));
      System.out.println(
          "rolled back "
              + s.describe()
              + " from version "
              + from
              + " to version "
              + v.id()
              + " (run-date "
              + v.runDate()
              + ")");
      return ExitCodes.OK;
    }
  }
}
