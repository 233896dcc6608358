package io.cxlake.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.ServingTable;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.score.ScoreTable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake on S3: ingest, features and publish with {@code lake.root = s3a://bucket/lake} against
 * an S3 API server on 127.0.0.1 (S3Proxy), through hadoop-aws as a cluster would use it. The Delta
 * tables must be in the bucket, and every table and the served store must equal those of the same
 * run on a local lake.
 */
@ExtendWith(SparkExtension.class)
class S3IT {
  private static final Secrets SECRETS =
      Secrets.fromEnvironment()
          .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "s3-test-key-0123456789"));
  private static final LocalDate D = LocalDate.of(2026, 10, 1);
  private static final String BUCKET = "cxlake-test";
  private static final String S3_LAKE = "s3a://" + BUCKET + "/lake";

  /** The s3a settings a cluster would give as spark.hadoop.fs.s3a.* (see the README). */
  private static final List<String> S3A_KEYS =
      List.of(
          "fs.s3a.endpoint",
          "fs.s3a.endpoint.region",
          "fs.s3a.path.style.access",
          "fs.s3a.connection.ssl.enabled",
          "fs.s3a.access.key",
          "fs.s3a.secret.key");

  @TempDir static Path dir;
  private static S3Server s3;
  private static Path bucket;

  @BeforeAll
  static void startS3() throws Exception {
    // A key pair made for this run: nothing secret is stored anywhere.
    String access = "cx" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    s3 = S3Server.start(dir, access, secret);
    bucket = s3.createBucket(BUCKET);
    Configuration h = SparkExtension.spark().sparkContext().hadoopConfiguration();
    h.set("fs.s3a.endpoint", s3.endpoint());
    h.set("fs.s3a.endpoint.region", "us-east-1");
    h.set("fs.s3a.path.style.access", "true");
    h.set("fs.s3a.connection.ssl.enabled", "false");
    h.set("fs.s3a.access.key", access);
    h.set("fs.s3a.secret.key", secret);
  }

  @AfterAll
  static void stopS3() throws Exception {
    try {
      Configuration h = SparkExtension.spark().sparkContext().hadoopConfiguration();
      FileSystem.get(URI.create(S3_LAKE), h).close();
      S3A_KEYS.forEach(h::unset);
    } finally {
      if (s3 != null) {
        s3.close();
      }
    }
  }

  private static int run(String root, String db, String... command) {
    List<String> a = new ArrayList<>(List.of(command));
    a.addAll(
        List.of(
            "--run-date", D.toString(),
            "--set", "lake.root=" + root,
            "--set", "lake.landing=" + dir.resolve("landing"),
            "--set", "serving.sqlite-path=" + dir.resolve(db)));
    return Main.run(SECRETS, a.toArray(String[]::new));
  }

  @Test
  void ingestFeaturesAndPublishOnS3EqualTheSameRunOnLocalDisk() throws Exception {
    assertThat(
            Main.run(
                SECRETS,
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
                D.toString()))
        .isEqualTo(ExitCodes.OK);
    String local = dir.resolve("local-lake").toString();
    // Both runs at once in this JVM's session: the one on S3 mostly waits on requests.
    CompletableFuture<Void> s3Run = CompletableFuture.runAsync(() -> steps("s3", S3_LAKE));
    steps("local", local);
    s3Run.get();

    Lake onS3 = new Lake(SparkExtension.spark(), S3_LAKE);
    Map<String, String> steps = new RunLedger(onS3).latestStatus(D);
    assertThat(steps)
        .containsEntry("ingest", RunLedger.SUCCEEDED)
        .containsEntry("features", RunLedger.SUCCEEDED)
        .containsEntry("publish", RunLedger.SUCCEEDED);
    // The tables are objects in the bucket (S3Proxy's store on disk), Delta logs and data files.
    for (Table t : List.of(Table.EVENTS, Table.ORDERS, Table.RUNS)) {
      Path table = bucket.resolve("lake").resolve(t.shortName());
      assertThat(table.resolve("_delta_log/00000000000000000000.json"))
          .as("%s's first commit in the bucket", t.shortName())
          .exists();
      try (Stream<Path> files = Files.walk(table)) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count())
            .as("%s's data files in the bucket", t.shortName())
            .isPositive();
      }
    }
    Lake onDisk = new Lake(SparkExtension.spark(), local);
    Map<String, String> s3Sums = Checksums.all(onS3, Tables.ALL, Table.RUNS);
    assertThat(s3Sums).containsKeys("events", "orders", "user_features");
    assertThat(s3Sums.get("events")).doesNotStartWith("0:");
    assertThat(s3Sums).isEqualTo(Checksums.all(onDisk, Tables.ALL, Table.RUNS));
    Map<String, List<String>> served = served("s3.db");
    assertThat(served.values().stream().mapToInt(List::size).sum()).as("rows served").isPositive();
    assertThat(served).isEqualTo(served("local.db"));
  }

  /** Ingest, features, made-up scores and publish on one lake, each step's exit code checked. */
  private static void steps(String name, String root) {
    long start = System.nanoTime();
    String db = name + ".db";
    assertThat(run(root, db, "ingest")).as("ingest on %s", name).isEqualTo(ExitCodes.OK);
    assertThat(run(root, db, "features")).as("features on %s", name).isEqualTo(ExitCodes.OK);
    seedScores(new Lake(SparkExtension.spark(), root));
    assertThat(run(root, db, "publish")).as("publish on %s", name).isEqualTo(ExitCodes.OK);
    System.out.printf(
        "s3 test: %s lake: ingest, features, publish %.1f s%n",
        name, (System.nanoTime() - start) / 1e9);
  }

  /** Made-up output of the recommenders for the day (no model trains on three days). */
  private static void seedScores(Lake lake) {
    SparkSession spark = lake.spark();
    Date date = Date.valueOf(D);
    List<Row> recs = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      for (int rank = 1; rank <= 3; rank++) {
        recs.add(
            RowFactory.create(
                "u" + u, rank, "i" + (u + rank) % 30, 1.0 / rank, "als", "recs-seeded", date));
      }
    }
    List<Row> popular = new ArrayList<>();
    for (String region : List.of("eu", "us")) {
      for (int rank = 1; rank <= 5; rank++) {
        popular.add(RowFactory.create(region, rank, "i" + rank, 10.0 - rank, date));
      }
    }
    lake.replacePartition(
        ScoreTable.RECOMMENDATIONS,
        D,
        spark.createDataFrame(recs, ScoreTable.RECOMMENDATIONS.schema()));
    lake.replacePartition(
        ScoreTable.POPULAR, D, spark.createDataFrame(popular, ScoreTable.POPULAR.schema()));
  }

  /** Every served row, per table, as a reader selects them through the views. */
  private static Map<String, List<String>> served(String db) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(db));
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
}
