package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.ServingStore;
import io.cxlake.jobs.serving.ServingTable;
import io.cxlake.jobs.serving.StoreSpec;
import io.cxlake.jobs.serving.Version;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.governance.Erasures;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.ingest.Pseudonymiser;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Right to erasure on a generated shop: four users (one with a return, one with a ticket, one named
 * in a quarantined line, one from a file) are forgotten. Afterwards no current row, no version
 * Delta's history still lists, no Parquet file on disk and no serving-store version holds them;
 * every other user's rows are untouched; a late re-ingest of their landing files brings nothing
 * back.
 */
@ExtendWith(SparkExtension.class)
class ForgetIT {
  @TempDir Path dir;

  private String[] sets(Path lakeRoot) {
    return new String[] {
      "--set", "lake.root=" + lakeRoot,
      "--set", "lake.landing=" + SharedShop.root().resolve("landing"),
      "--set", "serving.sqlite-path=" + dir.resolve("serving.db")
    };
  }

  private int cxlake(Path lakeRoot, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of(sets(lakeRoot)));
    return Main.run(SharedShop.SECRETS, a.toArray(String[]::new));
  }

  @Test
  void forgottenUsersAreGoneFromEveryTableVersionFileAndServingVersion() throws Exception {
    SparkSession spark = SparkExtension.spark();
    Path root = SharedShop.lakeCopy(dir);
    Lake lake = SharedShop.lake(root);
    // Two published versions hold scores for every user and order line.
    for (int i = 0; i < 2; i++) {
      FakeScores.write(lake, SharedShop.LAST.minusDays(1 - i), 1 + i);
      assertThat(cxlake(root, "publish", "--run-date", SharedShop.LAST.minusDays(1 - i).toString()))
          .isEqualTo(ExitCodes.OK);
    }
    // Deletion vectors on some tables: a DELETE then only hides rows until REORG ... PURGE.
    for (TableDef t : List.of(Table.EVENTS, Table.QUARANTINE, Table.ORDER_LINES)) {
      spark.sql(
          "ALTER TABLE delta.`"
              + lake.path(t)
              + "` SET TBLPROPERTIES ('delta.enableDeletionVectors' = true)");
    }

    String withReturn = first(lake.read(Table.RETURNS).select("user_id"));
    String withTicket =
        first(
            lake.read(Table.TICKETS).select("user_id").where(col("user_id").notEqual(withReturn)));
    String inQuarantine =
        first(
            lake.read(Table.QUARANTINE)
                .select(regexp_extract(col("raw"), "\"user_id\":\"(u[0-9]{7})\"", 1).as("u"))
                .where(col("u").notEqual("").and(not(col("u").isin(withReturn, withTicket)))));
    String fromFile =
        first(
            lake.read(Table.ORDERS)
                .select("user_id")
                .where(not(col("user_id").isin(withReturn, withTicket, inQuarantine))));
    Set<String> users = new TreeSet<>(List.of(withReturn, withTicket, inQuarantine, fromFile));
    assertThat(users).hasSize(4);
    Oracle oracle = new Oracle(lake, users);

    Map<String, Long> totalBefore = new TreeMap<>();
    Map<String, Long> theirsBefore = new TreeMap<>();
    Map<TableDef, Long> versionBefore = new java.util.HashMap<>();
    for (TableDef t : existing(lake)) {
      versionBefore.put(t, lake.version(t));
      Dataset<Row> rows = lake.read(t);
      totalBefore.put(t.shortName(), rows.count());
      theirsBefore.put(t.shortName(), oracle.rowsOf(rows).count());
    }
    assertThat(theirsBefore.get("quarantine")).as("a quarantined line names a user").isPositive();
    assertThat(theirsBefore.get("tickets")).isPositive();
    assertThat(theirsBefore.get("returns")).isPositive();
    assertThat(theirsBefore.get("ticket_routing"))
        .as("tickets' routes (keyed by ticket)")
        .isPositive();
    assertThat(theirsBefore.get("return_risk")).as("scores keyed by order").isPositive();
    assertThat(theirsBefore.get("consent_history")).isPositive();

    java.time.LocalDate busiest =
        lake.read(Table.EVENTS)
            .where(col("user_id").isin(users.toArray()))
            .groupBy("ingest_date")
            .count()
            .orderBy(col("count").desc())
            .head()
            .getDate(0)
            .toLocalDate();

    Path file = dir.resolve("users.txt");
    Files.writeString(file, "# one per line\n\n" + fromFile + "\n");
    long t0 = System.nanoTime();
    assertThat(
            cxlake(
                root,
                "forget",
                "--user",
                withReturn,
                "--user",
                withTicket,
                "--user",
                inQuarantine,
                "--user-file",
                file.toString()))
        .isEqualTo(ExitCodes.OK);
    System.out.printf("forget of 4 users took %.1f s%n", (System.nanoTime() - t0) / 1e9);

    // Current tables: none of theirs, all of everyone else's.
    for (TableDef t : existing(lake)) {
      String n = t.shortName();
      if (n.equals("runs") || n.equals("erasures")) {
        continue;
      }
      Dataset<Row> rows = lake.read(t);
      assertThat(oracle.rowsOf(rows).count()).as("their rows in %s", n).isZero();
      assertThat(rows.count())
          .as("other users' rows in %s", n)
          .isEqualTo(totalBefore.get(n) - theirsBefore.get(n));
    }

    // Every version Delta's history still lists, and the last version before forget: unreadable
    // now, or without them.
    int readable = 0;
    int gone = 0;
    for (TableDef t : existing(lake)) {
      Set<Long> versions = new TreeSet<>(lake.historyVersions(t));
      versions.add(versionBefore.getOrDefault(t, 0L));
      for (long v : versions) {
        long theirs;
        try {
          theirs =
              oracle
                  .rowsOf(spark.read().format("delta").option("versionAsOf", v).load(lake.path(t)))
                  .count();
        } catch (Exception e) {
          gone++;
          continue;
        }
        readable++;
        assertThat(theirs).as("%s version %d", t.shortName(), v).isZero();
      }
    }
    System.out.printf("time travel after forget: %d versions readable, %d gone%n", readable, gone);
    assertThat(gone).as("versions before forget can no longer be read").isPositive();

    // Every Parquet file left on disk, read directly: none holds them.
    for (TableDef t : existing(lake)) {
      List<String> files = parquetFiles(Path.of(lake.path(t)));
      if (!files.isEmpty()) {
        Dataset<Row> raw = spark.read().parquet(files.toArray(String[]::new));
        assertThat(oracle.rowsOf(raw).count()).as("files of %s", t.shortName()).isZero();
      }
    }
    // Nor does any Delta log file (commits keep min/max statistics of the files they add).
    assertThat(logMentions(root, oracle)).as("log files naming a forgotten id").isEmpty();

    // The serving store: not in any version; the others read as published.
    StoreSpec spec =
        StoreSpec.of(
            ConfigLoader.load(null, List.of(sets(root)[5])).serving(), SharedShop.SECRETS, null);
    try (ServingStore store = spec.open()) {
      List<Version> versions = store.versions();
      assertThat(versions).hasSize(2);
      for (Version v : versions) {
        for (String u : users) {
          assertThat(store.lookup(v.id(), ServingTable.RECOMMENDATIONS, u)).isEmpty();
        }
        for (String o : oracle.orders()) {
          assertThat(store.lookup(v.id(), ServingTable.RETURN_RISK, o)).isEmpty();
        }
        String other = first(lake.read(Table.CUSTOMERS).select("user_id"));
        assertThat(store.lookup(v.id(), ServingTable.RECOMMENDATIONS, other)).hasSize(3);
      }
    }

    // The erasures table: one row per user, by hash only, with the rows it deleted.
    Pseudonymiser p = new Pseudonymiser(SharedShop.KEY.getBytes(StandardCharsets.UTF_8));
    List<Row> erasures = lake.read(GovernanceTable.ERASURES).collectAsList();
    assertThat(erasures).hasSize(4);
    Set<String> hashes = new TreeSet<>();
    long recorded = 0;
    for (Row r : erasures) {
      hashes.add(r.getAs("user_hash"));
      Map<String, Long> rows = r.getJavaMap(r.fieldIndex("rows"));
      recorded += rows.values().stream().mapToLong(Long::longValue).sum();
      for (String u : users) {
        assertThat(r.toString()).doesNotContain(u);
      }
    }
    assertThat(hashes)
        .containsExactlyInAnyOrderElementsOf(
            users.stream().map(u -> Erasures.userHash(p, u)).toList());
    long expected =
        theirsBefore.entrySet().stream()
            .filter(e -> !e.getKey().equals("runs"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(recorded).as("rows recorded = rows the oracle counted").isEqualTo(expected);

    // A late re-ingest of the day they were most active on: dropped again, counted as erased.
    assertThat(cxlake(root, "ingest", "--run-date", busiest.toString())).isEqualTo(ExitCodes.OK);
    for (TableDef t : existing(lake)) {
      if (!t.shortName().equals("runs") && !t.shortName().equals("erasures")) {
        assertThat(oracle.rowsOf(lake.read(t)).count())
            .as("%s after re-ingest", t.shortName())
            .isZero();
      }
    }
    long erased =
        lake.read(Table.RUNS)
            .where("step = 'ingest'")
            .selectExpr("sum(coalesce(counts['erased'], 0))")
            .head()
            .getLong(0);
    assertThat(erased).as("rows dropped at re-ingest").isPositive();
  }

  private static String first(Dataset<Row> rows) {
    return rows.orderBy(rows.columns()[0]).head().getString(0);
  }

  private static List<TableDef> existing(Lake lake) {
    return Tables.ALL.stream().filter(lake::exists).map(t -> (TableDef) t).toList();
  }

  private static List<String> parquetFiles(Path table) throws Exception {
    try (Stream<Path> s = Files.walk(table)) {
      return s.filter(f -> f.toString().endsWith(".parquet"))
          .filter(f -> !f.toString().contains("_delta_log"))
          .map(Path::toString)
          .toList();
    }
  }

  private static List<Path> logMentions(Path root, Oracle oracle) throws Exception {
    java.util.regex.Pattern ids =
        java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_-])("
                + String.join("|", oracle.ids.stream().map(java.util.regex.Pattern::quote).toList())
                + ")(?![A-Za-z0-9_-])");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.toString().contains("_delta_log") && Files.isRegularFile(f))
          .filter(
              f -> {
                try {
                  return ids.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                      .find();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList();
    }
  }
}
