package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.ServingTable;
import io.cxlake.jobs.serving.Version;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.fault.FaultPause;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.score.ScoreTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One nightly run killed with SIGKILL at {@link #POINTS}, one after another: each run is a JVM of
 * its own that stops at its point (see {@link FaultPause}) and is killed there; the next run
 * resumes. After the last point a run completes, and every lake table and the served version must
 * equal those of an uninterrupted run from the same start. After every kill, the serving store's
 * pointer must resolve to a whole published version. Last, a day that the quality gate blocks exits
 * 3 and leaves the store serving the day before.
 *
 * <p>The start holds made-up recommendations and popular lists (the recs step rewrites the
 * run-date's; on this young lake it serves the popular lists) and a published version of the day
 * before: a killed publish has a version to keep serving.
 */
@ExtendWith(SparkExtension.class)
class NightlyKillIT {
  private static final String KEY_ENV = "CXLAKE_PSEUDONYM_KEY";
  private static final String KEY = "nightly-kill-test-key-0123456789";
  private static final Secrets SECRETS =
      Secrets.fromEnvironment().withOverrides(Map.of(KEY_ENV, KEY));
  private static final LocalDate D = LocalDate.of(2026, 10, 1);
  private static final LocalDate BEFORE = D.minusDays(1);

  /**
   * Where the runs are killed, in the order a run passes them: mid:STEP#N = inside the step's N-th
   * lake write, its earlier writes committed, this one's files partly written and not committed
   * (publish: inside the serving-store write, before the flip; return-risk on this young lake
   * writes only its ledger row); done = the step's work committed, its ledger row not written;
   * after = its ledger row written. Eleven points across eight steps: mid-write where a step writes
   * several tables (ingest, features, recs, kpis) or beside the lake (publish), done: where redoing
   * the step must not double its effect (ingest, publish, report), after: at the gates and between
   * steps. Each costs a JVM start, and done: costs the step twice.
   */
  static final List<String> POINTS =
      List.of(
          "mid:ingest#3",
          "done:ingest",
          "after:quality-gate",
          "mid:features#4",
          "after:features",
          "mid:recs",
          "mid:kpis",
          "after:drift-gate",
          "mid:publish",
          "done:publish",
          "done:report");

  /**
   * Spark settings of every run here, the killed ones and the uninterrupted one: no generated code.
   * The runs are tiny, and each killed run is a fresh JVM where compiling the generated code cost
   * more than the work; it halves a run's time and changes no result.
   */
  static final Map<String, String> NO_CODEGEN =
      Map.of(
          "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  @TempDir static Path dir;

  @Test
  void aRunKilledAtEachPointResumesToTheTablesOfAnUninterruptedRun() throws Exception {
    long t0 = System.nanoTime();
    assertThat(
            Main.run(
                SECRETS,
                "generate",
                "--out",
                dir.toString(),
                "--users",
                "150",
                "--items",
                "40",
                "--days",
                "3"))
        .isEqualTo(ExitCodes.OK);
    seedRecommenderScores(lake("start"), BEFORE, 20);
    seedRecommenderScores(lake("start"), D, 30);
    assertThat(Main.run(SECRETS, args("start", "publish", "--run-date", BEFORE.toString())))
        .isEqualTo(ExitCodes.OK);
    copy("start", "uninterrupted");
    copy("start", "killed");
    // The test session, like the children, runs without generated code (SparkSessions.forTests).
    assertThat(Main.run(SECRETS, args("uninterrupted", "nightly", "--run-date", D.toString())))
        .isEqualTo(ExitCodes.OK);
    System.out.printf("kill test: setup and uninterrupted run %.0f s%n", secondsSince(t0));

    assertServesAWholeVersion("killed", BEFORE);
    for (String point : POINTS) {
      long start = System.nanoTime();
      killAt(point);
      System.out.printf("kill test: killed at %s after %.1f s%n", point, secondsSince(start));
      boolean published = POINTS.indexOf(point) >= POINTS.indexOf("done:publish");
      assertServesAWholeVersion("killed", published ? D : BEFORE);
    }
    long start = System.nanoTime();
    Path log = dir.resolve("final.log");
    Process last = child(List.of(), log, args("killed", "nightly", "--run-date", D.toString()));
    assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("the final run ends").isTrue();
    assertThat(last.exitValue()).as("the final run's exit code; log:\n%s", tail(log)).isZero();
    System.out.printf("kill test: final run %.1f s%n", secondsSince(start));

    assertThat(new RunLedger(lake("killed")).latestStatus(D))
        .containsAllEntriesOf(allSucceeded())
        .containsEntry("nightly", RunLedger.SUCCEEDED);
    assertThat(Checksums.all(lake("killed"), Tables.ALL, Table.RUNS))
        .isEqualTo(Checksums.all(lake("uninterrupted"), Tables.ALL, Table.RUNS));
    assertServesAWholeVersion("killed", D);
    assertThat(served("killed")).isEqualTo(served("uninterrupted"));

    // The next day, blocked by the quality gate: exit 3, nothing after the gate, D still served.
    LocalDate next = D.plusDays(1);
    assertThat(
            Main.run(
                SECRETS,
                args(
                    "killed",
                    "nightly",
                    "--run-date",
                    next.toString(),
                    "--set",
                    "gates.min-events=1000000")))
        .isEqualTo(ExitCodes.GATE_BLOCKED);
    assertThat(new RunLedger(lake("killed")).latestStatus(next))
        .containsEntry("quality-gate", RunLedger.BLOCKED)
        .doesNotContainKeys("features", "publish");
    assertServesAWholeVersion("killed", D);
  }

  /** Starts a run that stops at the point, waits until it is there, and kills it with SIGKILL. */
  private static void killAt(String point) throws Exception {
    String name = point.replace(':', '-').replace('#', '-');
    Path marker = dir.resolve(name + ".paused");
    Path log = dir.resolve(name + ".log");
    Process run =
        child(
            List.of(
                "-D" + FaultPause.PROPERTY + "=" + point, "-D" + FaultPause.MARKER + "=" + marker),
            log,
            args("killed", "nightly", "--run-date", D.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!Files.exists(marker)) {
      if (!run.isAlive()) {
        fail(
            "the run ended with exit %d before reaching %s; log:\n%s",
            run.exitValue(), point, tail(log));
      }
      if (System.nanoTime() > deadline) {
        run.destroyForcibly().waitFor();
        fail("the run did not reach %s in 300 s; log:\n%s", point, tail(log));
      }
      Thread.sleep(100);
    }
    assertThat(Files.readString(marker)).isEqualTo(point);
    run.destroyForcibly().waitFor();
    assertThat(run.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
  }

  /**
   * What a reader of the store sees through the pointer must be one whole published version: the
   * run-date expected, and every table holding exactly the lake's rows of that run-date.
   */
  private static void assertServesAWholeVersion(String name, LocalDate runDate) throws Exception {
    try (Connection c = sqlite(name);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT v.run_date, v.status FROM cx_current c"
                    + " JOIN cx_versions v ON v.version = c.version")) {
      assertThat(rs.next()).as("a current version").isTrue();
      assertThat(rs.getString(1)).isEqualTo(runDate.toString());
      assertThat(rs.getString(2)).isEqualTo(Version.PUBLISHED);
      for (ServingTable t : ServingTable.values()) {
        long lakeRows =
            lake(name).read(t.source()).where("run_date = DATE'" + runDate + "'").count();
        try (ResultSet n = s.executeQuery("SELECT COUNT(*) FROM cx_" + t.storeName())) {
          n.next();
          assertThat(n.getLong(1)).as("rows of %s served", t.storeName()).isEqualTo(lakeRows);
        }
      }
    }
  }

  /** Every served row, per table, as a reader selects them through the views. */
  private static Map<String, List<String>> served(String name) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = sqlite(name);
        Statement s = c.createStatement()) {
      for (ServingTable t : ServingTable.values()) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM cx_" + t.storeName())) {
          ResultSetMetaData m = rs.getMetaData();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
              row.add(String.valueOf(rs.getObject(i)));
            }
            rows.add(String.join("|", row));
          }
        }
        rows.sort(null);
        out.put(t.storeName(), rows);
      }
    }
    return out;
  }

  private static Map<String, String> allSucceeded() {
    Map<String, String> m = new TreeMap<>();
    Nightly.names().forEach(n -> m.put(n, RunLedger.SUCCEEDED));
    return m;
  }

  /** Made-up output of the recommenders' step for the day: {@code users} users, two regions. */
  private static void seedRecommenderScores(Lake lake, LocalDate day, int users) {
    SparkSession spark = lake.spark();
    Date date = Date.valueOf(day);
    List<Row> recs = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      for (int rank = 1; rank <= 3; rank++) {
        recs.add(
            RowFactory.create(
                "u" + u, rank, "i" + (u + rank) % 40, 1.0 / rank, "als", "recs-" + day, date));
      }
    }
    List<Row> popular = new ArrayList<>();
    for (String region : List.of("eu", "us")) {
      for (int rank = 1; rank <= 5; rank++) {
        popular.add(RowFactory.create(region, rank, "i" + (rank + users), 10.0 - rank, date));
      }
    }
    lake.replacePartition(
        ScoreTable.RECOMMENDATIONS,
        day,
        spark.createDataFrame(recs, ScoreTable.RECOMMENDATIONS.schema()));
    lake.replacePartition(
        ScoreTable.POPULAR, day, spark.createDataFrame(popular, ScoreTable.POPULAR.schema()));
  }

  private static String[] args(String name, String... command) {
    List<String> a = new ArrayList<>(List.of(command));
    a.addAll(
        List.of(
            "--set", "lake.root=" + dir.resolve(name),
            "--set", "lake.landing=" + dir.resolve("landing"),
            "--set", "intents.labels=" + dir.resolve("truth/tickets.csv"),
            "--set", "serving.sqlite-path=" + dir.resolve(name + ".db")));
    return a.toArray(String[]::new);
  }

  /** A run in a JVM of its own, with the test JVM's classpath and Spark flags. */
  private static Process child(List<String> properties, Path log, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty")
                    || a.startsWith("-Duser.timezone"))
        .forEach(cmd::add);
    // A short run in a fresh JVM: the quick compiler only, which saves a quarter of its time.
    cmd.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    NO_CODEGEN.forEach((k, v) -> cmd.add("-D" + k + "=" + v)); // Spark reads spark.* properties
    cmd.addAll(properties);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NightlyChild.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put(KEY_ENV, KEY);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static Connection sqlite(String name) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name + ".db"));
  }

  private static Lake lake(String name) {
    return new Lake(SparkExtension.spark(), dir.resolve(name).toString());
  }

  /** Copies a lake and its serving store (a SQLite file, closed). */
  private static void copy(String from, String to) throws IOException {
    Path src = dir.resolve(from);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(to).resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    for (String suffix : List.of(".db", ".db-wal")) {
      if (Files.exists(dir.resolve(from + suffix))) {
        Files.copy(dir.resolve(from + suffix), dir.resolve(to + suffix));
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
