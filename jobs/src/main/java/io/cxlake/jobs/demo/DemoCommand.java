package io.cxlake.jobs.demo;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.cli.OneOffKey;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.generate.SimOptions;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.jobs.nightly.Nightly;
import io.cxlake.jobs.report.ReportCommand;
import io.cxlake.lake.ingest.IngestResult;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.table.TableDef;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Generates a sample shop under ./data and runs the pipeline on it: a fresh machine's first look.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate a sample landing zone under --dir (default ./data), ingest and build features for"
            + " every simulated day but the last, run the nightly for the last day (return risk"
            + " labelled by a return window of half the days, at most 14; scores published to the"
            + " SQLite store --dir/serving.db), and print where everything is. Starts from a clean"
            + " --dir.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(
      names = "--dir",
      defaultValue = "data",
      description = "Folder for everything (default: ${DEFAULT-VALUE}).")
  File dir;

  @Mixin SimOptions sim;

  @Override
  public Integer call() throws Exception {
    Path root = dir.toPath().toAbsolutePath();
    SimParams params = sim.params();
    CommonOptions options =
        common.withDefaults(
            List.of(
                "lake.root=" + root.resolve("lake"),
                "lake.landing=" + root.resolve("landing"),
                "serving.sqlite-path=" + root.resolve("serving.db"),
                "intents.labels=" + root.resolve("truth").resolve("tickets.csv"),
                "return-risk.label-days=" + labelDays(params)));
    options.config(); // a bad key or size fails here, before anything is deleted
    clean(root);
    Pipeline p = Pipeline.open(options, OneOffKey.secrets(main.secrets(), options.config()));
    // The simulator writes landing/ and truth/ under the folder it is given.
    Simulator.generate(p.spark(), params, root);
    // The history before the last day: what earlier nights would have built.
    LocalDate last = params.firstDay().plusDays(params.days() - 1);
    for (LocalDate day = params.firstDay(); day.isBefore(last); day = day.plusDays(1)) {
      IngestResult r = IngestCommand.run(p, day);
      System.out.printf("ingested %s: %s%n", day, r.summary());
      System.out.println(FeaturesCommand.run(p, day, false).summary());
    }
    List<Nightly.Outcome> outcomes = new ArrayList<>();
    Nightly.run(p, last, new Nightly.Rerun(false, null), outcomes);
    outcomes.forEach(
        o ->
            System.out.printf(
                "nightly %s %-14s %-9s %6.1f s  %s%n",
                o.runDate(), o.step(), o.status(), o.seconds(), o.message()));
    printSummary(p, root, last);
    return ExitCodes.OK;
  }

  /**
   * The return window the demo labels lines by: half the simulated days (at most the 14 within
   * which the simulator's returns come), so that the older half of the orders has closed windows to
   * train return risk on. The default 30 days would leave a short sample shop none.
   */
  static int labelDays(SimParams params) {
    return Math.max(1, Math.min(14, params.days() / 2));
  }

  private static void clean(Path root) throws IOException {
    for (String sub :
        List.of("landing", "truth", "lake", "serving.db", "serving.db-wal", "serving.db-shm")) {
      Path p = root.resolve(sub);
      if (Files.exists(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
    Files.createDirectories(root);
  }

  private static void printSummary(Pipeline p, Path root, LocalDate last) {
    System.out.println();
    System.out.println("cxlake demo: done.");
    System.out.println("  landing zone : " + root.resolve("landing"));
    System.out.println("  planted truth: " + root.resolve("truth") + " (truth.json)");
    System.out.println("  lake         : " + root.resolve("lake"));
    System.out.println("  serving store: " + root.resolve("serving.db") + " (SQLite)");
    System.out.println(
        "  report       : " + ReportCommand.defaultPath(root.resolve("lake").toString(), last));
    for (TableDef t : Tables.ALL) {
      if (p.lake().exists(t)) {
        System.out.printf("    %-12s %,10d rows%n", t.shortName(), p.lake().read(t).count());
      }
    }
    System.out.println();
    System.out.println(
        "Try: bin/cxlake sql --set lake.root="
            + root.resolve("lake")
            + " \"SELECT reason, count(*) FROM quarantine GROUP BY reason\"");
  }
}
