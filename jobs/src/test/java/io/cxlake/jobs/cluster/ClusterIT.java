package io.cxlake.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.nightly.Nightly;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jobs jar on a real Spark standalone cluster (a Master, a Worker and its executor JVMs
 * on 127.0.0.1), submitted through {@code SparkSubmit} as {@code spark-submit} submits it:
 * generate, then the nightly for one of three simulated days. Every step must succeed, and every
 * lake table must equal the tables of the same nightly run in local mode in this JVM. This is where
 * a closure that does not serialize, a secret read on an executor, or a class missing from the jar
 * would fail.
 */
@ExtendWith(SparkExtension.class)
class ClusterIT {
  private static final String KEY_ENV = "CXLAKE_PSEUDONYM_KEY";
  private static final String KEY = "cluster-test-key-0123456789";

  /** The run-date: the first of three simulated days (the catalog and customers land on it). */
  private static final LocalDate D = LocalDate.of(2026, 10, 1);

  private static final Path JAR = Paths.get("target", "cxlake-jobs.jar").toAbsolutePath();

  @TempDir static Path dir;
  private static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    assertThat(JAR).as("the shaded jar (mvn package builds it before the ITs)").exists();
    cluster =
        StandaloneCluster.start(
            Paths.get("target", "spark-home").toAbsolutePath(),
            dir,
            List.of(
                Paths.get("target", "local-classpath-compile.txt"),
                Paths.get("target", "local-classpath-runtime.txt")),
            2,
            "1536m");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * The job's conf file: the lake and landing zone on local disk (one machine: the executors see
   * it), and the sizing of the test profile, so that both runs partition alike.
   */
  private static Path conf(String lakeName) throws IOException {
    Path f = dir.resolve(lakeName + ".conf");
    Files.writeString(
        f,
        String.join(
            "\n",
            "spark.conf {",
            "  \"spark.sql.shuffle.partitions\" = 2",
            "  \"spark.default.parallelism\" = 2",
            "  \"spark.sql.sources.parallelPartitionDiscovery.parallelism\" = 2",
            "  \"spark.sql.adaptive.enabled\" = false",
            "  \"spark.databricks.delta.snapshotPartitions\" = 2",
            "  \"spark.sql.codegen.wholeStage\" = false",
            "}",
            "lake.root = \"" + dir.resolve(lakeName) + "\"",
            "lake.landing = \"" + dir.resolve("landing") + "\"",
            "intents.labels = \"" + dir.resolve("truth/tickets.csv") + "\"",
            "serving.sqlite-path = \"" + dir.resolve(lakeName + ".db") + "\"",
            ""));
    return f;
  }

  /** Submits the jar with the CLI's arguments; the driver runs in a JVM of its own. */
  private static Process submit(String name, String... args) throws IOException {
    return cluster.submit(
        dir.resolve("logs").resolve(name + ".log"),
        Map.of(KEY_ENV, KEY),
        List.of(
            "--conf", "spark.executor.memory=1g",
            "--conf", "spark.cores.max=2",
            // Short-lived executors: the quick compiler only, as for the driver.
            "--conf", "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"),
        Main.class.getName(),
        JAR,
        args);
  }

  /** Waits for a submitted run; returns its exit code, and prints its logs when it failed. */
  private static int exitCode(String name, Process p, long start) throws Exception {
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        throw new AssertionError("the submitted " + name + " did not end in 300 s");
      }
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
    }
    System.out.printf(
        "cluster test: %s exited %d after %.1f s%n",
        name, p.exitValue(), (System.nanoTime() - start) / 1e9);
    if (p.exitValue() != 0) {
      System.out.println(StandaloneCluster.tail(dir.resolve("logs").resolve(name + ".log")));
      System.out.println(StandaloneCluster.executorLogs(dir));
    }
    return p.exitValue();
  }

  @Test
  void theJarRunsGenerateAndTheNightlyOnAStandaloneClusterAsInLocalMode() throws Exception {
    long start = System.nanoTime();
    Process generate =
        submit(
            "generate",
            "generate",
            "--out",
            dir.toString(),
            "--users",
            "80",
            "--items",
            "30",
            "--days",
            "3",
            "--first-day",
            D.toString());
    assertThat(exitCode("generate", generate, start)).isEqualTo(ExitCodes.OK);
    assertThat(dir.resolve("truth/tickets.csv")).exists();
    String[] nightly = {
      "nightly", "--conf", conf("cluster").toString(), "--run-date", D.toString()
    };
    start = System.nanoTime();
    Process onTheCluster = submit("nightly", nightly);

    // Meanwhile the same nightly in local mode, in this JVM, on the same landing zone.
    SparkSession spark = SparkExtension.spark();
    List<String> local = new ArrayList<>(List.of(nightly));
    local.set(2, conf("local").toString());
    assertThat(
            Main.run(
                Secrets.fromEnvironment().withOverrides(Map.of(KEY_ENV, KEY)),
                local.toArray(String[]::new)))
        .isEqualTo(ExitCodes.OK);
    assertThat(exitCode("nightly", onTheCluster, start)).isEqualTo(ExitCodes.OK);

    Lake onCluster = new Lake(SparkExtension.spark(), dir.resolve("cluster").toString());
    Map<String, String> expected = new TreeMap<>();
    Nightly.names().forEach(n -> expected.put(n, RunLedger.SUCCEEDED));
    expected.put("nightly", RunLedger.SUCCEEDED);
    assertThat(new RunLedger(onCluster).latestStatus(D)).isEqualTo(expected);
    onCluster
        .read(Table.RUNS)
        .selectExpr("step", "unix_timestamp(ended_at) - unix_timestamp(started_at) AS seconds")
        .collectAsList()
        .forEach(r -> System.out.printf("cluster test: step %s %d s%n", r.get(0), r.get(1)));
    for (var t : List.of(Table.EVENTS, Table.ORDERS, FeatureTable.USER_FEATURES)) {
      assertThat(onCluster.read(t).count()).as("rows of %s", t.shortName()).isPositive();
    }

    Lake inLocalMode = new Lake(spark, dir.resolve("local").toString());
    Map<String, String> clusterSums = Checksums.all(onCluster, Tables.ALL, Table.RUNS);
    assertThat(clusterSums).containsKeys(Table.EVENTS.shortName(), "user_features");
    assertThat(clusterSums).isEqualTo(Checksums.all(inLocalMode, Tables.ALL, Table.RUNS));
  }
}
