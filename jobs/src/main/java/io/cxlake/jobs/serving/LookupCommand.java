package io.cxlake.jobs.serving;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Reads the serving store by key through the current-version pointer, as an online service does,
 * and prints each row as a JSON line. No Spark.
 */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    subcommands = {
      LookupCommand.Recs.class,
      LookupCommand.Risk.class,
      LookupCommand.Popular.class,
      LookupCommand.Similar.class
    },
    description = "Read published scores by key from the serving store's current version.")
public final class LookupCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  /** Without a subcommand: say which exist. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return ExitCodes.BAD_CONFIG;
  }

  /** Options and the read shared by every lookup. */
  abstract static class Read implements Callable<Integer> {
    @Mixin CommonOptions common;

    @ParentCommand LookupCommand lookup;

    @Option(
        names = "--store",
        paramLabel = "sqlite|postgres|redis",
        description = "The store, instead of serving.store.")
    String store;

    abstract ServingTable table();

    abstract String key();

    @Override
    public Integer call() {
      StoreSpec spec =
          StoreSpec.of(common.config().serving(), lookup.main.secrets(), StoreOption.check(store));
      try (ServingStore s = spec.open()) {
        List<List<Object>> rows = s.lookup(table(), key());
        rows.forEach(r -> System.out.println(RowJson.encodeRow(table(), r)));
        if (rows.isEmpty()) {
          System.err.println("no " + table().storeName() + " for " + table().key() + " " + key());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "recs",
      mixinStandardHelpOptions = true,
      description = "A user's recommendations.")
  static final class Recs extends Read {
    @Option(names = "--user", required = true, paramLabel = "USER_ID")
    String user;

    @Override
    ServingTable table() {
      return ServingTable.RECOMMENDATIONS;
    }

    @Override
    String key() {
      return user;
    }
  }

  @Command(
      name = "risk",
      mixinStandardHelpOptions = true,
      description = "Return risk of an order's open lines.")
  static final class Risk extends Read {
    @Option(names = "--order", required = true, paramLabel = "ORDER_ID")
    String order;

    @Override
    ServingTable table() {
      return ServingTable.RETURN_RISK;
    }

    @Override
    String key() {
      return order;
    }
  }

  @Command(
      name = "popular",
      mixinStandardHelpOptions = true,
      description = "A region's popular list.")
  static final class Popular extends Read {
    @Option(names = "--region", required = true, paramLabel = "REGION")
    String region;

    @Override
    ServingTable table() {
      return ServingTable.POPULAR;
    }

    @Override
    String key() {
      return region;
    }
  }

  @Command(
      name = "similar",
      mixinStandardHelpOptions = true,
      description = "Items similar to an item.")
  static final class Similar extends Read {
    @Option(names = "--item", required = true, paramLabel = "ITEM_ID")
    String item;

    @Override
    ServingTable table() {
      return ServingTable.SIMILAR_ITEMS;
    }

    @Override
    String key() {
      return item;
    }
  }
}
