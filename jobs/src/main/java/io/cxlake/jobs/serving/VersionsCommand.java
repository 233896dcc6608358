package io.cxlake.jobs.serving;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists the versions a store holds, marking the current one: what rollback can go to. */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = "List the serving store's versions, newest first; * marks the current one.")
public final class VersionsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand PublishCommand publish;

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
      long current = s.current().map(Version::id).orElse(-1L);
      System.out.println(s.describe());
      for (Version v : s.versions()) {
        System.out.printf(
            "%s %d  run-date %s  %s  created %s%n",
            v.id() == current ? "*" : " ", v.id(), v.runDate(), v.status(), v.createdAt());
      }
      return ExitCodes.OK;
    }
  }
}
