package io.cxlake.features.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.features.FeatureBuild;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.CxConfig.FeatureSettings;
import io.cxlake.lake.spark.SparkSessions;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The features benchmark (not part of {@code mvn verify}; see benchmarks/features.md):
 *
 * <pre>
 * mvn -B -q test -pl features -am -Dtest=FeaturesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.days=100 -Dbench.events-per-day=100000
 * </pre>
 *
 * <p>On one generated lake it measures, side by side: the floor (one scan of events plus one write
 * of a same-size aggregate), the full features build, and the nightly incremental run with 30 and
 * with 90 days of history. It prints the ratios.
 */
class FeaturesBenchmark {
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  @Test
  void run() throws Exception {
    int days = Integer.getInteger("bench.days", 100);
    long perDay = Long.getLong("bench.events-per-day", 100_000L);
    int users = Integer.getInteger("bench.users", 100_000);
    int items = Integer.getInteger("bench.items", 20_000);
    Path dir = Files.createTempDirectory("cxlake-bench");
    SparkSession spark =
        SparkSessions.create(
            new CxConfig.SparkSettings(
                "local[*]",
                "features-benchmark",
                Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false")));
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    FeatureBuild build = new FeatureBuild(lake, new FeatureSettings(1, 3, 5, 30, 30, 20, 3), 24);

    double gen = seconds(() -> SyntheticShop.write(lake, FIRST, days, perDay, users, items));
    long events = lake.read(Table.EVENTS).count();
    System.out.printf("generated %,d events over %d days in %.0f s%n", events, days, gen);

    String floorPath = dir.resolve("floor").toString();
    double floor =
        seconds(
            () ->
                lake.read(Table.EVENTS)
                    .groupBy("user_id", "item_id")
                    .agg(count(lit(1)).as("n"))
                    .write()
                    .format("delta")
                    .mode("overwrite")
                    .save(floorPath));
    double full = seconds(() -> build.run(FIRST.plusDays(days), true));

    build.run(FIRST.plusDays(30), true);
    double nightly30 = seconds(() -> build.run(FIRST.plusDays(31), false));
    build.run(FIRST.plusDays(90), true);
    double nightly90 = seconds(() -> build.run(FIRST.plusDays(91), false));

    System.out.printf("floor (scan events + write same-size aggregate): %.1f s%n", floor);
    System.out.printf("features, full build of %,d events:            %.1f s%n", events, full);
    System.out.printf(
        "  ratio full / floor:                              %.2f (goal <= 1.5)%n", full / floor);
    System.out.printf("nightly with 30 days of history:                   %.1f s%n", nightly30);
    System.out.printf("nightly with 90 days of history:                   %.1f s%n", nightly90);
    System.out.printf(
        "  ratio 90 / 30:                                   %.2f (goal <= 1.3)%n",
        nightly90 / nightly30);
  }

  private static double seconds(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }
}
