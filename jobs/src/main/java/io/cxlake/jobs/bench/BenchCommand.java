package io.cxlake.jobs.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.cli.OneOffKey;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.jobs.nightly.Nightly;
import io.cxlake.lake.ingest.IngestResult;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.table.Table;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The benchmark harness: a generated shop of the given size, every nightly step timed with 30 and
 * with the full history, and beside them, in the same run, the floors and alternatives each step is
 * judged against. Writes the ratios and measures as Markdown and JSON.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Generate a shop of --events events under --dir (cleaned first), then measure: ingest vs"
            + " reading the landing files once, the features build vs one scan of events plus one"
            + " same-size write, the nightly with 30 days and with --days − 1 days of history (each"
            + " step), top-10 for all users blockwise vs Spark's recommendForAllUsers, and publish"
            + " vs the store's bulk floor for each of --stores that is configured and reachable."
            + " Wall time, rows/s and the driver's peak live heap for each; the ratio table to"
            + " stdout and --out/bench.md, everything to --out/bench.json.")
public final class BenchCommand implements Callable<Integer> {
  /** Events the simulator writes per user and day, measured; sizes the user count. */
  static final double EVENTS_PER_USER_DAY = 2.15;

  static final String INGEST = "ingest";
  static final String FEATURES = "features";
  static final String SHORT = "nightly, 30 days of history";
  static final String LONG = "nightly, full history";

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(names = "--events", defaultValue = "10000000", description = "Events to generate.")
  long events;

  @Option(names = "--users", description = "Users (default: what --events needs over --days).")
  Integer users;

  @Option(names = "--items", description = "Catalog size (default: users / 3, 50 to 20000).")
  Integer items;

  @Option(names = "--days", defaultValue = "91", description = "Days of history (at least 10).")
  int days;

  @Option(names = "--dir", defaultValue = "bench-data", description = "Where the shop goes.")
  File dir;

  @Option(names = "--out", defaultValue = "bench-results", description = "Where results go.")
  File out;

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description = "Runs of each short measure (the median is reported); steps run once.")
  int repeats;

  @Option(
      names = "--stores",
      split = ",",
      defaultValue = "postgres,redis",
      description = "Stores to race publish against their bulk floor (as configured).")
  List<String> stores;

  @Option(names = "--seed", defaultValue = "42", description = "Simulator seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (days < 10 || events < 1 || repeats < 1) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "need --days >= 10, --events >= 1, --repeats >= 1");
    }
    int u =
        users != null
            ? users
            : (int) Math.max(50, Math.round(events / (days * EVENTS_PER_USER_DAY)));
    int i = items != null ? items : Math.max(50, Math.min(20_000, u / 3));
    SimParams params = new SimParams(seed, u, i, days, 0.01, LocalDate.of(2026, 1, 1));
    Path root = dir.toPath().toAbsolutePath();
    int shortDays = Math.min(30, days / 3);
    LocalDate shortDay = params.day(shortDays);
    LocalDate longDay = params.lastDay();
    CommonOptions options =
        common.withDefaults(
            List.of(
                "lake.root=" + root.resolve("lake"),
                "lake.landing=" + root.resolve("landing"),
                "serving.sqlite-path=" + root.resolve("serving.db"),
                "intents.labels=" + root.resolve("truth").resolve("tickets.csv"),
                "return-risk.label-days=14",
                // Timing runs: a gate's verdict must not stop the steps after it.
                "gates.champion-tolerance=1.0",
                "recs.tolerance=1.0",
                "gates.psi-block=1000000",
                "gates.max-row-count-factor=1000000"));
    options.config(); // a bad key fails here, before anything is deleted
    clean(root);
    Pipeline p = Pipeline.open(options, OneOffKey.secrets(main.secrets(), options.config()));
    try (Stopwatch w = new Stopwatch()) {
      long[] generated = new long[1];
      w.once(
          "generate",
          "simulator",
          () -> {
            Simulator.Result r = Simulator.generate(p.spark(), params, root);
            generated[0] = r.landingLines().getOrDefault("events", 0L);
            return r.landingLines().values().stream().mapToLong(Long::longValue).sum();
          });

      ingestDays(p, w, params.firstDay(), shortDay, "days before the 30-day nightly");
      w.once(FEATURES, "full build, 30 days", () -> featureRows(p, shortDay.minusDays(1)));
      nightly(p, w, shortDay, SHORT);

      ingestDays(p, w, shortDay.plusDays(1), longDay, "days before the full-history nightly");
      landingFloor(p, w, root, shortDay.plusDays(1), longDay);
      w.once(FEATURES, "full build", () -> featureRows(p, longDay.minusDays(1)));
      w.repeat(FEATURES, "floor: scan events + write same-size aggregate", repeats, () -> floor(p));
      nightly(p, w, longDay, LONG);

      TopKRace.run(p.lake(), w, repeats);
      for (String store : stores) {
        PublishRace.run(p, longDay, store, w, repeats);
      }

      Map<String, Object> about = new LinkedHashMap<>();
      about.put("events", generated[0]);
      about.put("users", u);
      about.put("items", i);
      about.put("days", days);
      about.put("cores", Runtime.getRuntime().availableProcessors());
      about.put("driver max heap (MB)", Runtime.getRuntime().maxMemory() >> 20);
      about.put("spark.master", p.spark().sparkContext().master());
      about.put("repeats", repeats);
      write(about, w.measures());
    }
    return ExitCodes.OK;
  }

  /** The judged ratios, with the goals of the benchmark issue. */
  static List<Ratio> ratios(List<String> stores) {
    List<Ratio> r = new ArrayList<>();
    r.add(
        new Ratio(
            "features / one-scan floor",
            FEATURES + ": full build",
            FEATURES + ": floor: scan events + write same-size aggregate",
            1.5,
            true,
            "wall time"));
    r.add(
        new Ratio(
            "nightly, full history / 30 days", LONG + ": total", SHORT + ": total", 1.3, true, ""));
    r.add(
        new Ratio(
            "recommend-all: blockwise / Spark recommendForAllUsers",
            TopKRace.GROUP + ": " + TopKRace.BLOCKWISE,
            TopKRace.GROUP + ": " + TopKRace.SPARK,
            0.5,
            true,
            "at equal or better nDCG@10 (see the measures' notes)"));
    for (String s : stores) {
      r.add(
          new Ratio(
              "publish " + s + " / bulk floor (throughput)",
              PublishRace.GROUP + ": " + PublishRace.floor(s),
              PublishRace.GROUP + ": " + PublishRace.publish(s),
              0.7,
              false,
              "floor seconds over publish seconds"));
    }
    r.add(
        new Ratio(
            "ingest / reading the landing files once",
            INGEST + ": days before the full-history nightly",
            INGEST + ": floor: read the same landing files once",
            Double.NaN,
            true,
            "no goal set"));
    return r;
  }

  private void write(Map<String, Object> about, List<Measure> measures) throws Exception {
    List<Ratio> ratios = ratios(stores);
    String md = BenchReport.markdown(about, measures, ratios);
    System.out.println(md);
    Path o = Files.createDirectories(out.toPath());
    Files.writeString(o.resolve("bench.md"), md, StandardCharsets.UTF_8);
    Files.writeString(
        o.resolve("bench.json"), BenchReport.json(about, measures, ratios), StandardCharsets.UTF_8);
    System.out.println("results: " + o.resolve("bench.md") + ", " + o.resolve("bench.json"));
  }

  private static void ingestDays(
      Pipeline p, Stopwatch w, LocalDate from, LocalDate until, String name) throws Exception {
    w.once(
        INGEST,
        name,
        () -> {
          long rows = 0;
          for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            IngestResult r = IngestCommand.run(p, d);
            rows += r.counts().getOrDefault("read", 0L);
          }
          return rows;
        });
  }

  /** One scan of the same landing files as text: what ingest cannot go below. */
  private void landingFloor(Pipeline p, Stopwatch w, Path root, LocalDate from, LocalDate until)
      throws Exception {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> sources = Files.list(root.resolve("landing"))) {
      for (Path source : sources.toList()) {
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
          Path day = source.resolve("date=" + d);
          if (Files.isDirectory(day)) {
            paths.add(day.toString());
          }
        }
      }
    }
    w.repeat(
        INGEST,
        "floor: read the same landing files once",
        repeats,
        () -> p.spark().read().text(paths.toArray(String[]::new)).count());
  }

  private static long featureRows(Pipeline p, LocalDate day) throws Exception {
    return FeaturesCommand.run(p, day, true).counts().values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  /** The floor of the features build: read events once, write one aggregate as large as theirs. */
  private static long floor(Pipeline p) {
    Dataset<Row> events = p.lake().read(Table.EVENTS);
    String path = p.config().lake().root() + "/_bench_floor";
    events
        .groupBy("user_id", "item_id")
        .agg(count(lit(1)).as("n"))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(path);
    return events.count();
  }

  private static void nightly(Pipeline p, Stopwatch w, LocalDate day, String group)
      throws Exception {
    List<Nightly.Outcome> outcomes = new ArrayList<>();
    Measure total =
        w.once(
            group,
            "total",
            () -> {
              Nightly.run(p, day, new Nightly.Rerun(true, null), outcomes);
              return 0;
            });
    w.annotate(total, p.lake().read(Table.EVENTS).count() + " events in the lake");
    for (Nightly.Outcome o : outcomes) {
      long rows = o.counts().values().stream().mapToLong(Long::longValue).sum();
      // A step's own peak heap is not separated from the run's: -1, shown as "–".
      w.add(
          new Measure(group, o.step(), o.seconds(), rows, 1, -1, o.status() + ": " + o.message()));
    }
  }

  private static void clean(Path root) throws Exception {
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    Files.createDirectories(root);
  }
}
