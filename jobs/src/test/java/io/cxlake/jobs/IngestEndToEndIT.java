package io.cxlake.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation end to end: demo generates a shop and ingests every day; the lake must recover the
 * planted truth, reconcile every count, be unchanged by a rerun, and survive an interrupted ingest.
 */
@ExtendWith(SparkExtension.class)
class IngestEndToEndIT {
  private static final int DAYS = 4;
  private static final Secrets SECRETS =
      Secrets.fromEnvironment()
          .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "end-to-end-test-key-0123456789"));

  @TempDir static Path dir;
  private static JsonNode truth;
  private static Lake lake;

  @BeforeAll
  static void runDemo() throws Exception {
    SparkSession spark = SparkExtension.spark();
    int code =
        Main.run(
            SECRETS,
            "demo",
            "--dir",
            dir.toString(),
            "--users",
            "150",
            "--items",
            "40",
            "--days",
            String.valueOf(DAYS));
    assertThat(code).isEqualTo(ExitCodes.OK);
    truth = new ObjectMapper().readTree(dir.resolve("truth/truth.json").toFile());
    lake = new Lake(spark, dir.resolve("lake").toString());
  }

  /** Counts summed over the first successful ingest of each day (a test may rerun a day). */
  private static Map<String, Long> sumCounts() {
    Map<String, Long> sum = new HashMap<>();
    Map<Date, Row> first = new TreeMap<>();
    for (Row r :
        lake.read(Table.RUNS)
            .where("step = 'ingest' AND status = 'succeeded'")
            .orderBy("started_at")
            .collectAsList()) {
      first.putIfAbsent(r.getDate(r.fieldIndex("run_date")), r);
    }
    for (Row r : first.values()) {
      Map<String, Long> counts = r.getJavaMap(r.fieldIndex("counts"));
      counts.forEach((k, v) -> sum.merge(k, v, Long::sum));
    }
    return sum;
  }

  @Test
  void quarantineAndDuplicatesEqualThePlantedTruth() {
    Map<String, Long> planted = new HashMap<>();
    truth
        .get("bad_rows")
        .fields()
        .forEachRemaining(e -> planted.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> found = new HashMap<>();
    lake.read(Table.QUARANTINE)
        .groupBy("reason")
        .count()
        .collectAsList()
        .forEach(r -> found.put(r.getString(0), r.getLong(1)));
    planted.values().removeIf(v -> v == 0);
    assertThat(found).isEqualTo(planted);
    assertThat(sumCounts().get("duplicates")).isEqualTo(truth.get("duplicate_rows").asLong());
  }

  @Test
  void everyIngestRunReconciles() {
    List<Row> runs = lake.read(Table.RUNS).where("step = 'ingest'").collectAsList();
    assertThat(runs.stream().map(r -> r.getDate(r.fieldIndex("run_date"))).distinct())
        .hasSize(DAYS);
    for (Row r : runs) {
      Map<String, Long> c = r.getJavaMap(r.fieldIndex("counts"));
      assertThat(c.get("read"))
          .as(
              "read = written + quarantined + duplicates on %s",
              r.getDate(r.fieldIndex("run_date")))
          .isEqualTo(c.get("written") + c.get("quarantined") + c.get("duplicates"));
    }
  }

  @Test
  void rerunningADayChangesNoTable() {
    Map<String, String> before = Checksums.all(lake, Table.RUNS);
    LocalDate last = LocalDate.parse(truth.get("last_day").asText());
    int code =
        Main.run(
            SECRETS,
            "ingest",
            "--set",
            "lake.root=" + lake.root(),
            "--set",
            "lake.landing=" + dir.resolve("landing"),
            "--run-date",
            last.toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(Checksums.all(lake, Table.RUNS)).isEqualTo(before);
  }

  @Test
  void anInterruptedIngestLeavesTheLakeAsItWasAndTheRerunCompletes() throws Exception {
    SparkSession spark = SparkExtension.spark();
    Path other = Files.createTempDirectory(dir, "lake2");
    CxConfig config =
        ConfigLoader.load(
            null, List.of("lake.root=" + other, "lake.landing=" + dir.resolve("landing")));
    Pipeline p = new Pipeline(config, spark, SECRETS);
    LocalDate first = LocalDate.parse(truth.get("first_day").asText());

    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart e) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().addSparkListener(counter);
    IngestCommand.run(p, first);
    spark.sparkContext().removeSparkListener(counter);
    int jobsPerDay = jobs.get();

    Map<String, String> before = Checksums.all(p.lake(), Table.RUNS);
    AtomicInteger seen = new AtomicInteger();
    SparkListener killer =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart e) {
            if (seen.incrementAndGet() == jobsPerDay * 2 / 3) {
              spark.sparkContext().cancelJobGroup("ingest");
            }
          }
        };
    spark.sparkContext().addSparkListener(killer);
    try {
      assertThatThrownBy(() -> IngestCommand.run(p, first.plusDays(1))).isNotNull();
    } finally {
      spark.sparkContext().removeSparkListener(killer);
    }
    assertThat(Checksums.all(p.lake(), Table.RUNS)).isEqualTo(before);
    long restored =
        Arrays.stream(Table.values())
            .filter(p.lake()::exists)
            .filter(
                t ->
                    DeltaTable.forPath(spark, p.lake().path(t))
                            .history()
                            .where("operation = 'RESTORE'")
                            .count()
                        > 0)
            .count();
    assertThat(restored)
        .as("the interruption came after at least one table was written")
        .isPositive();

    for (int d = 1; d < DAYS; d++) {
      IngestCommand.run(p, first.plusDays(d));
    }
    assertThat(Checksums.all(p.lake(), Table.RUNS)).isEqualTo(Checksums.all(lake, Table.RUNS));
  }
}
