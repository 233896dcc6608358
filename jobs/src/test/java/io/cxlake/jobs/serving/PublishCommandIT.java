package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end on a temp lake holding two run-dates of score tables: publish through
 * Spark to each real store, look up through the pointer, publish again, roll back; a store that is
 * down exits non-zero naming it, and a late rerun exits 3.
 */
@ExtendWith(SparkExtension.class)
class PublishCommandIT {
  static final LocalDate D1 = LocalDate.of(2026, 11, 20);
  static final LocalDate D2 = D1.plusDays(1);
  static final int USERS = 500;

  @TempDir static Path dir;
  static Lake lake;

  @BeforeAll
  static void writeScoreTables() {
    SparkSession spark = SparkExtension.spark();
    lake = new Lake(spark, dir.resolve("lake").toString());
    for (LocalDate day : List.of(D1, D2)) {
      Map<ServingTable, List<List<Object>>> run = ScoreFixtures.run(USERS, tag(day));
      for (ServingTable t : ServingTable.values()) {
        List<Row> rows = new ArrayList<>();
        for (List<Object> r : run.get(t)) {
          List<Object> withDate = new ArrayList<>(r);
          withDate.add(Date.valueOf(day));
          rows.add(RowFactory.create(withDate.toArray()));
        }
        lake.replacePartition(t.source(), day, spark.createDataFrame(rows, t.source().schema()));
      }
    }
  }

  static int tag(LocalDate day) {
    return day.equals(D1) ? 1 : 2;
  }

  record Run(int code, String out, String err) {}

  static Run cli(List<String> store, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--set", "lake.root=" + lake.root()));
    all.addAll(store);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(Secrets.fromEnvironment(), all.toArray(String[]::new));
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** What {@code lookup recs --user} must print for a version published with this tag. */
  static String recsJson(int user, int tag) {
    StringBuilder sb = new StringBuilder();
    for (List<Object> r : ScoreFixtures.recommendationsOf(user, tag)) {
      sb.append(RowJson.encodeRow(ServingTable.RECOMMENDATIONS, r)).append('\n');
    }
    return sb.toString();
  }

  static String riskJson(int order, int tag) {
    StringBuilder sb = new StringBuilder();
    Map<String, List<List<Object>>> risk =
        ServingTable.RETURN_RISK.byKey(ScoreFixtures.run(USERS, tag).get(ServingTable.RETURN_RISK));
    for (List<Object> r : risk.get("order-" + order)) {
      sb.append(RowJson.encodeRow(ServingTable.RETURN_RISK, r)).append('\n');
    }
    return sb.toString();
  }

  void publishLookupRollback(List<String> store) {
    Run p1 = cli(store, "publish", "--run-date", D1.toString());
    assertThat(p1.code()).as(p1.err()).isEqualTo(ExitCodes.OK);
    assertThat(p1.out()).contains("published version");
    for (int u : List.of(0, 7, USERS - 1)) {
      Run l = cli(store, "lookup", "recs", "--user", ScoreFixtures.user(u));
      assertThat(l.out()).isEqualTo(recsJson(u, 1));
    }
    assertThat(cli(store, "lookup", "risk", "--order", "order-3").out()).isEqualTo(riskJson(3, 1));

    Run p2 = cli(store, "publish", "--run-date", D2.toString());
    assertThat(p2.code()).as(p2.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli(store, "lookup", "recs", "--user", "user-7").out()).isEqualTo(recsJson(7, 2));

    Run late = cli(store, "publish", "--run-date", D1.toString());
    assertThat(late.code()).isEqualTo(ExitCodes.GATE_BLOCKED);
    assertThat(late.err()).contains("refusing to publish run-date " + D1);
    assertThat(cli(store, "lookup", "recs", "--user", "user-7").out()).isEqualTo(recsJson(7, 2));

    Run rb = cli(store, "publish", "rollback");
    assertThat(rb.code()).as(rb.err()).isEqualTo(ExitCodes.OK);
    assertThat(rb.out()).contains("to version");
    assertThat(cli(store, "lookup", "recs", "--user", "user-7").out()).isEqualTo(recsJson(7, 1));
    assertThat(cli(store, "lookup", "risk", "--order", "order-3").out()).isEqualTo(riskJson(3, 1));
  }

  @Test
  void sqlite() {
    publishLookupRollback(
        List.of(
            "--set",
            "serving.store=sqlite",
            "--set",
            "serving.sqlite-path=" + dir.resolve("serving.db")));
  }

  @Test
  void postgres() {
    String url = TestServers.newPostgresDatabase();
    publishLookupRollback(
        List.of(
            "--set", "serving.store=postgres",
            "--set", "serving.postgres.url=" + url,
            "--set", "serving.postgres.user=postgres"));
  }

  @Test
  void redis() {
    publishLookupRollback(
        List.of(
            "--set",
            "serving.store=redis",
            "--set",
            "serving.redis.host=127.0.0.1",
            "--set",
            "serving.redis.port=" + TestServers.redisPort(),
            "--set",
            "serving.redis.key-prefix=" + TestServers.newRedisPrefix()));
  }

  @Test
  void aStoreThatIsDownExitsNonZeroNamingItAndTheLedgerIsUntouched() {
    long runsBefore = lake.exists(Table.RUNS) ? lake.read(Table.RUNS).count() : 0;
    for (String type : List.of("postgres", "redis")) {
      int port = TestServers.freePort();
      Run r =
          cli(
              Stream.of(
                      "--set",
                      "serving.store=" + type,
                      "--set",
                      "serving.postgres.url=jdbc:postgresql://127.0.0.1:" + port + "/x",
                      "--set",
                      "serving.redis.host=127.0.0.1",
                      "--set",
                      "serving.redis.port=" + port,
                      "--set",
                      "serving.connect-attempts=2",
                      "--set",
                      "serving.retry-backoff-ms=10")
                  .toList(),
              "publish",
              "--run-date",
              D1.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.STEP_FAILED);
      assertThat(r.err())
          .contains(type + " at 127.0.0.1:" + port)
          .contains("after 2 attempt(s)")
          .contains("current version is untouched");
    }
    long runsAfter = lake.exists(Table.RUNS) ? lake.read(Table.RUNS).count() : 0;
    assertThat(runsAfter).as("nothing ran, Spark never started the step").isEqualTo(runsBefore);
  }
}
