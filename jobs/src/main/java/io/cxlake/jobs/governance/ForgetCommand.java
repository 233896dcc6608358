package io.cxlake.jobs.governance;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.ServingStore;
import io.cxlake.jobs.serving.StoreOption;
import io.cxlake.jobs.serving.StoreSpec;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.ingest.Pseudonymiser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Right to erasure: deletes users from the lake, its old file versions and the serving store. */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description =
        "Erase users: delete their rows from every lake table (events, orders, lines, returns,"
            + " tickets, assignments, consent, quarantined lines naming them, features, scores),"
            + " from every version the serving store holds, then purge the tables' old Delta file"
            + " versions (REORG ... APPLY (PURGE), VACUUM RETAIN 0 HOURS). Records each user's"
            + " keyed hash in `erasures`; while it stands, ingest drops the user's rows again."
            + " Takes user_ids as the shop exports them (the lake keeps them as they land).")
public final class ForgetCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(names = "--user", paramLabel = "USER_ID", description = "A user to forget; repeatable.")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--user-file",
      paramLabel = "FILE",
      description = "A file of user_ids, one per line (blank lines and # comments ignored).")
  File userFile;

  @Option(
      names = "--store",
      paramLabel = "sqlite|postgres|redis",
      description = "The serving store, instead of serving.store.")
  String store;

  @Override
  public Integer call() throws Exception {
    CxConfig config = common.config();
    Set<String> ids = ids();
    byte[] key = main.secrets().pseudonymKey(config); // the erasure record needs the hash key
    StoreSpec spec = StoreSpec.of(config.serving(), main.secrets(), StoreOption.check(store));
    boolean noStore = spec.type().equals("sqlite") && !new File(spec.sqlitePath()).exists();
    // Open the store before Spark starts: one that is down fails in seconds, touching nothing.
    try (ServingStore target = noStore ? null : spec.open()) {
      if (noStore) {
        System.out.println("no serving store at " + spec.sqlitePath() + ": nothing published yet");
      }
      Pipeline p = Pipeline.open(common, main.secrets());
      Forget.Result r =
          p.step(
              "forget",
              LocalDate.now(ZoneOffset.UTC),
              List.of(), // an erasure is never rolled back: a rerun completes it
              () -> Forget.run(p.lake(), Tables.ALL, ids, new Pseudonymiser(key), target),
              ForgetCommand::describe);
      System.out.printf(
          "forgot %d users (erasure %s): %d lake rows in %s, %d serving entries; purged old"
              + " versions of %d tables%n",
          ids.size(),
          r.erasureId(),
          r.totalRows(),
          Forget.perTable(r.rows()),
          r.totalServing(),
          r.purged().size());
      return ExitCodes.OK;
    }
  }

  private Set<String> ids() throws IOException {
    Set<String> out = new TreeSet<>();
    users.stream().map(String::trim).filter(u -> !u.isEmpty()).forEach(out::add);
    if (userFile != null) {
      if (!userFile.isFile()) {
        throw new ConfigError("--user-file " + userFile + " does not exist");
      }
      for (String line : Files.readAllLines(userFile.toPath(), StandardCharsets.UTF_8)) {
        String u = line.trim();
        if (!u.isEmpty() && !u.startsWith("#")) {
          out.add(u);
        }
      }
    }
    if (out.isEmpty()) {
      throw new ConfigError("forget needs at least one --user or a --user-file with user_ids");
    }
    return out;
  }

  private static io.cxlake.jobs.Pipeline.StepResult describe(Forget.Result r) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("users", (long) r.rows().size());
    Forget.perTable(r.rows()).forEach((t, n) -> counts.put("rows." + t, n));
    Forget.perTable(r.serving()).forEach((t, n) -> counts.put("serving." + t, n));
    counts.put("purged_tables", (long) r.purged().size());
    return new Pipeline.StepResult(counts, "erasure " + r.erasureId());
  }
}
