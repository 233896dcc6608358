package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.sql.Notebooks;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.impact.ImpactTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly over three simulated days, two ways: a backfill over the range, and one run per date
 * (the first interrupted by a failing step and resumed). Both must leave the same tables; a second
 * run for a date held by a live run is refused and touches nothing. Then every analyst notebook
 * runs on the lake the nightly left (the suite's only lake with every table filled).
 */
@ExtendWith(SparkExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyIT {
  private static final Secrets SECRETS =
      Secrets.fromEnvironment()
          .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "nightly-test-key-0123456789"));
  private static final LocalDate D1 = LocalDate.of(2026, 10, 1);
  private static final LocalDate D3 = D1.plusDays(2);

  @TempDir static Path dir;

  @BeforeAll
  static void generate() {
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
  }

  private static int nightly(String lakeName, String... args) {
    List<String> a = new ArrayList<>(List.of("nightly"));
    a.addAll(
        List.of(
            "--set", "lake.root=" + dir.resolve(lakeName),
            "--set", "lake.landing=" + dir.resolve("landing"),
            "--set", "intents.labels=" + dir.resolve("truth/tickets.csv"),
            "--set", "serving.sqlite-path=" + dir.resolve(lakeName + ".db")));
    a.addAll(List.of(args));
    return Main.run(SECRETS, a.toArray(String[]::new));
  }

  private static String message(JsonNode summary, String step) {
    for (JsonNode st : summary.get("steps")) {
      if (st.get("step").asText().equals(step)) {
        return st.get("message").asText();
      }
    }
    throw new AssertionError("no step " + step + " in " + summary);
  }

  private static Lake lake(String name) {
    return new Lake(SparkExtension.spark(), dir.resolve(name).toString());
  }

  @Test
  @Order(1)
  void backfillEqualsSingleRunsAndResumesAfterAFailureAndRefusesAConcurrentRun() throws Exception {
    // One run per date; the first fails at intents (its tags are missing) and resumes.
    int failed =
        nightly("single", "--run-date", D1.toString(), "--set", "intents.labels=/no/such/tags.csv");
    assertThat(failed).isEqualTo(ExitCodes.STEP_FAILED);
    Map<String, String> afterFailure =
        new io.cxlake.lake.table.RunLedger(lake("single")).latestStatus(D1);
    assertThat(afterFailure)
        .containsEntry("policy", "succeeded")
        .containsEntry("ingest", "succeeded")
        .containsEntry("quality-gate", "succeeded")
        .containsEntry("features", "succeeded")
        .containsEntry("return-risk", "succeeded")
        .containsEntry("recs", "succeeded")
        .containsEntry("intents", "failed")
        .doesNotContainKey("measure");
    Path summary = dir.resolve("summary-d1.json");
    assertThat(nightly("single", "--run-date", D1.toString(), "--summary-out", summary.toString()))
        .isEqualTo(ExitCodes.OK);
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    List<String> statuses = new ArrayList<>();
    s.get("steps")
        .forEach(st -> statuses.add(st.get("step").asText() + "=" + st.get("status").asText()));
    assertThat(statuses)
        .containsExactly(
            "policy=skipped",
            "ingest=skipped",
            "quality-gate=skipped",
            "features=skipped",
            "return-risk=skipped",
            "recs=skipped",
            "intents=succeeded",
            "measure=succeeded",
            "kpis=succeeded",
            "drift-gate=succeeded",
            "publish=succeeded",
            "report=succeeded");
    // Three days hold no closed return window and no room for the recommenders' holdout: no model
    // for either; the recommenders serve the popular lists, which are published.
    assertThat(message(s, "publish")).startsWith("published version ");
    assertThat(
            lake("single")
                .read(Table.RUNS)
                .where("step = 'recs' AND run_date = DATE'" + D1 + "'")
                .select("message")
                .head()
                .getString(0))
        .startsWith("no model: no interactions visible before the holdout's cut-off")
        .contains("served popular");
    assertThat(
            lake("single")
                .read(Table.RUNS)
                .where("step = 'return-risk' AND run_date = DATE'" + D1 + "'")
                .select("message")
                .head()
                .getString(0))
        .startsWith("no model: no order line's return window (return-risk.label-days = 30)");
    assertReport(lake("single"), D1);
    for (LocalDate d = D1.plusDays(1); !d.isAfter(D3); d = d.plusDays(1)) {
      assertThat(nightly("single", "--run-date", d.toString())).isEqualTo(ExitCodes.OK);
    }

    // A rerun of a finished date skips every step and changes nothing.
    Map<String, String> before = Checksums.all(lake("single"), Tables.ALL, Table.RUNS);
    assertThat(nightly("single", "--run-date", D3.toString())).isEqualTo(ExitCodes.OK);
    assertThat(Checksums.all(lake("single"), Tables.ALL, Table.RUNS)).isEqualTo(before);

    // The backfill; while it holds D1's lock, a second run for D1 is refused.
    CompletableFuture<Integer> backfill =
        CompletableFuture.supplyAsync(
            () -> nightly("backfill", "--from-date", D1.toString(), "--to-date", D3.toString()));
    Path lock = dir.resolve("backfill/_locks/nightly-" + D1 + ".lock");
    while (!Files.exists(lock) && !backfill.isDone()) {
      Thread.sleep(50);
    }
    assertThat(Files.exists(lock)).as("the backfill took D1's lock").isTrue();
    assertThat(nightly("backfill", "--run-date", D1.toString())).isEqualTo(ExitCodes.LOCKED);
    assertThat(backfill.get()).isEqualTo(ExitCodes.OK);
    assertThat(lake("backfill").read(Table.RUNS).where("status = 'locked'").count()).isZero();

    assertThat(Checksums.all(lake("backfill"), Tables.ALL, Table.RUNS)).isEqualTo(before);
    List<Row> nightlyRows =
        lake("backfill").read(Table.RUNS).where("step = 'nightly'").collectAsList();
    assertThat(nightlyRows).hasSize(1);
    assertThat(nightlyRows.get(0).<String>getAs("status")).isEqualTo("succeeded");
    for (LocalDate d = D1; !d.isAfter(D3); d = d.plusDays(1)) {
      assertReport(lake("backfill"), d);
    }
  }

  /**
   * The night's last step wrote the report of the date beside the lake: every lift the lake holds
   * for the date is in it, and what a young lake lacks (no trained model) is named.
   */
  private static void assertReport(Lake lake, LocalDate day) throws Exception {
    Path report = Path.of(lake.root(), "reports", day.toString(), "index.html");
    assertThat(report).exists();
    String html = Files.readString(report);
    List<Row> lifts =
        lake.read(ImpactTable.LIFT).where("run_date = DATE'" + day + "'").collectAsList();
    if (lifts.isEmpty()) {
      // A day before any automation's holdout was assigned: measured, but nothing to show.
      assertThat(html).contains("Not available: lift: table `lift` has no rows for " + day);
    } else {
      assertThat(html)
          .contains("<section id=\"lift\"><h2>Lift per automation (holdout)</h2><figure><svg");
    }
    for (Row r : lifts) {
      Double abs = r.getAs("abs_lift");
      if (abs != null) {
        assertThat(html).contains(String.format(Locale.ROOT, "<b>%.4f</b>", abs));
      }
    }
    assertThat(html)
        .contains("Not available: recommender metrics: table `recs_metrics`")
        .contains("Serving version <b>");
    assertThat(
            lake.read(Table.RUNS)
                .where("step = 'report' AND run_date = DATE'" + day + "'")
                .select("message")
                .head()
                .getString(0))
        .startsWith("report written to file:" + report.toAbsolutePath());
  }

  @Test
  @Order(2)
  void everyNotebookAnswersOnTheNightlysLake() throws Exception {
    // After the test above every step of D1..D3 has succeeded, so this skips them all; run alone,
    // it builds the lake.
    assertThat(nightly("single", "--from-date", D1.toString(), "--to-date", D3.toString()))
        .isEqualTo(ExitCodes.OK);
    List<Path> notebooks = Notebooks.all();
    assertThat(notebooks).isNotEmpty();
    for (Path nb : notebooks) {
      List<Notebooks.Result> results =
          Notebooks.runAndCheck(SECRETS, dir.resolve("single").toString(), nb);
      if (nb.getFileName().toString().equals("ingest_quality.sql")) {
        // Every ingest run reconciles: read = written + quarantined + duplicates + erased.
        List<String> reconciliation = results.get(1).rows();
        assertThat(reconciliation).noneMatch(l -> l.endsWith(",false"));
        assertThat(reconciliation.stream().filter(l -> l.endsWith(",true")).count())
            .isGreaterThanOrEqualTo(3);
      }
    }
  }
}
