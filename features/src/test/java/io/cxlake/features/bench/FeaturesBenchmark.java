package io.cxlake.features.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.features.FeatureBuild;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.CxConfig.FeatureSettings;
import io.cxlake.lake.spark.SparkSessions;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The features benchmark (not part of {@code mvn verify}; see benchmarks/features.md):
 *
 * <pre>
 * mvn -B -q test -pl features -am -Dtest=FeaturesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.days=100 -Dbench.events-per-day=100000 [-Dbench.lake=/tmp/bench-10m]
 * </pre>
 *
 * <p>On one generated lake it measures, side by side: the floor (one scan of events plus one write
 * of a same-size aggregate), the full features build, and the nightly incremental run with 30 and
 * with 90 days of history. It prints the ratios.
 *
 * <p>{@code bench.lake} keeps the generated source tables in that folder, so a rerun with the same
 * sizes skips generation (about 12 minutes at 10M events); the feature tables are dropped at the
 * start of every run. {@code bench.generate-only=true} stops after generating. A short warm-up (the
 * floor on one day) runs first, the floor runs before and after the full build (the lower counts),
 * and the two nightly runs alternate {@code bench.repeats} times (median counts), so neither pays
 * for the JVM's warm-up or a burst of load alone.
 */
class FeaturesBenchmark {
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  @Test
  void run() throws Exception {
    int days = Integer.getInteger("bench.days", 100);
    long perDay = Long.getLong("bench.events-per-day", 100_000L);
    int users = Integer.getInteger("bench.users", 100_000);
    int items = Integer.getInteger("bench.items", 20_000);
    int repeats = Integer.getInteger("bench.repeats", 3);
    String keep = System.getProperty("bench.lake", "");
    Path dir = keep.isEmpty() ? Files.createTempDirectory("cxlake-bench") : Path.of(keep);
    SparkSession spark =
        SparkSessions.create(
            new CxConfig.SparkSettings(
                "local[*]",
                "features-benchmark",
                Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false")));
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    // Five interaction snapshots: the alternating nightly reruns must still find as_of 30 and 90.
    FeatureSettings settings = new FeatureSettings(1, 3, 5, 30, 30, 20, 5);
    FeatureBuild build = new FeatureBuild(lake, settings, 24);

    String sizes = days + " " + perDay + " " + users + " " + items;
    Path marker = dir.resolve("generated.txt");
    if (Files.exists(marker) && Files.readString(marker).equals(sizes)) {
      System.out.printf("reusing the lake generated in %s (%s)%n", dir, sizes);
    } else {
      deleteTree(dir.resolve("lake"));
      double gen = seconds(() -> SyntheticShop.write(lake, FIRST, days, perDay, users, items));
      Files.writeString(marker, sizes);
      System.out.printf("generated the lake in %s in %.0f s%n", dir, gen);
    }
    if (Boolean.getBoolean("bench.generate-only")) {
      return;
    }
    for (TableDef t : FeatureBuild.TABLES) {
      deleteTree(Path.of(lake.path(t)));
    }
    long events = lake.read(Table.EVENTS).count();
    System.out.printf("%,d events over %d days%n", events, days);

    String floorPath = dir.resolve("floor").toString();
    Runnable floorRun =
        () ->
            lake.read(Table.EVENTS)
                .groupBy("user_id", "item_id")
                .agg(count(lit(1)).as("n"))
                .write()
                .format("delta")
                .mode("overwrite")
                .save(floorPath);
    // Warm-up: the same query on one day, so the timed floor does not pay for the JVM's first run.
    lake.read(Table.EVENTS)
        .where(col("event_date").equalTo(lit(FIRST)))
        .groupBy("user_id", "item_id")
        .agg(count(lit(1)).as("n"))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(floorPath);
    double floorBefore = seconds(floorRun);
    double full = seconds(() -> build.run(FIRST.plusDays(days), true));
    double floorAfter = seconds(floorRun);
    double floor = Math.min(floorBefore, floorAfter);

    build.run(FIRST.plusDays(30), true);
    build.run(FIRST.plusDays(90), true);
    List<Double> n30 = new ArrayList<>();
    List<Double> n90 = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      // Alternate which goes first, so a warm-up or a load burst does not favour one of them.
      boolean thirtyFirst = i % 2 == 0;
      if (thirtyFirst) {
        n30.add(seconds(() -> build.run(FIRST.plusDays(31), false)));
      }
      n90.add(seconds(() -> build.run(FIRST.plusDays(91), false)));
      if (!thirtyFirst) {
        n30.add(seconds(() -> build.run(FIRST.plusDays(31), false)));
      }
    }
    double nightly30 = median(n30);
    double nightly90 = median(n90);

    System.out.printf(
        "floor (scan events + write same-size aggregate): %.1f s (before the build %.1f s, after"
            + " %.1f s)%n",
        floor, floorBefore, floorAfter);
    System.out.printf("features, full build of %,d events:            %.1f s%n", events, full);
    System.out.printf(
        "  ratio full / floor:                              %.2f (goal <= 1.5)%n", full / floor);
    System.out.printf(
        "nightly with 30 days of history:                   %.1f s (median of %s)%n",
        nightly30, n30);
    System.out.printf(
        "nightly with 90 days of history:                   %.1f s (median of %s)%n",
        nightly90, n90);
    System.out.printf(
        "  ratio 90 / 30:                                   %.2f (goal <= 1.3)%n",
        nightly90 / nightly30);
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static double seconds(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }
}
