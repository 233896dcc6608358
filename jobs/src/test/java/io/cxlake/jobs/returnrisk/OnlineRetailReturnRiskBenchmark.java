package io.cxlake.jobs.returnrisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureBuild;
import io.cxlake.features.TrainingSet;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.evaluation.Reliability;
import io.cxlake.models.returnrisk.Fairness;
import io.cxlake.models.returnrisk.ModelTerm;
import io.cxlake.models.returnrisk.ReturnRisk;
import io.cxlake.models.returnrisk.ReturnRiskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The numbers in benchmarks/return-risk.md: the Online Retail export (cancellations as returns)
 * ingested as {@code ingest --online-retail} does, feature snapshots every {@code retail.step} days
 * (default 14) through the year, then the return-risk run as the job does it (time split: the
 * newest 20% of labelled lines are the test slice). Run by hand, it is not part of the build:
 * {@code mvn -B -q verify -pl jobs -am -Dtest=OnlineRetailReturnRiskBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dretail.file=/path/online_retail.csv.gz}.
 */
@EnabledIfSystemProperty(named = "retail.file", matches = ".+")
class OnlineRetailReturnRiskBenchmark {
  private static final LocalDate INGEST_DAY = LocalDate.of(2010, 11, 30);
  private static final LocalDate FIRST = LocalDate.of(2010, 12, 1);
  private static final LocalDate END = LocalDate.of(2011, 12, 10);

  @Test
  void evaluateOnTheWholeYear() throws Exception {
    String file = System.getProperty("retail.file");
    int step = Integer.parseInt(System.getProperty("retail.step", "14"));
    Path dir = Files.createTempDirectory("retail-return-risk");
    Secrets secrets =
        Secrets.fromEnvironment()
            .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "benchmark-key-0123456789abcdef"));
    long t0 = System.nanoTime();
    // Ingested "the day before the data": every row is then visible from its own date on.
    int code =
        Main.run(
            secrets,
            "ingest",
            "--online-retail",
            file,
            "--run-date",
            INGEST_DAY.toString(),
            "--set",
            "lake.root=" + dir);
    assertThat(code).isEqualTo(ExitCodes.OK);
    long t1 = System.nanoTime();
    CxConfig config = ConfigLoader.load(null, List.of());
    Lake lake = new Lake(SparkExtension.spark(), dir.toString());
    FeatureBuild build =
        new FeatureBuild(lake, config.features(), config.ingest().futureToleranceHours());
    LocalDate asOf = FIRST.plusDays(step);
    int snapshots = 0;
    for (; !asOf.isAfter(END); asOf = asOf.plusDays(step)) {
      System.out.println(build.run(asOf, false).summary());
      snapshots++;
    }
    LocalDate last = asOf.minusDays(step);
    long t2 = System.nanoTime();
    CxConfig.ReturnRiskSettings s = config.returnRisk();
    Dataset<Row> examples = TrainingSet.returnRisk(lake, last, s.labelDays()).cache();
    Dataset<Row> open = TrainingSet.returnRiskToScore(lake, last.minusDays(s.labelDays()));
    ReturnRiskResult r = ReturnRisk.train(examples, s, last.minusDays(1));
    long t3 = System.nanoTime();

    System.out.printf(
        Locale.ROOT,
        "%nRESULT %d labelled lines (%d returned), %d snapshots every %d days, last as_of %s;"
            + " ingest %.0f s, features %.0f s, return-risk %.0f s%n",
        examples.count(),
        examples.where("label = 1").count(),
        snapshots,
        step,
        last,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9);
    System.out.println("RESULT " + r.summary());
    System.out.println("RESULT | | AUC-ROC | AUC-PR | Brier | ECE |");
    for (String m : List.of("model", "baseline")) {
      Map<String, Double> v =
          m.equals("model") ? r.evaluation().model() : r.evaluation().baseline();
      System.out.printf(
          Locale.ROOT,
          "RESULT | %s | %.4f | %.4f | %.4f | %.4f |%n",
          m,
          v.get("auc_roc"),
          v.get("auc_pr"),
          v.get("brier"),
          v.get("ece"));
    }
    for (Reliability.Bin b : r.evaluation().reliability()) {
      System.out.printf(
          Locale.ROOT,
          "RESULT bin [%.1f, %.1f) %d lines: predicted %.4f observed %.4f%n",
          b.lower(),
          b.upper(),
          b.count(),
          b.meanPredicted(),
          b.observedRate());
    }
    for (Fairness.Segment f : r.fairness().segments()) {
      System.out.println("RESULT fairness " + f);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT platt slope %.4f offset %.4f%n",
        r.model().plattSlope(),
        r.model().plattOffset());
    for (ModelTerm t : r.model().terms()) {
      System.out.println("RESULT term " + t);
    }
    ReturnRisk.score(r.model(), open, s, last.minusDays(1))
        .limit(5)
        .collectAsList()
        .forEach(x -> System.out.println("RESULT score " + x));
  }
}
