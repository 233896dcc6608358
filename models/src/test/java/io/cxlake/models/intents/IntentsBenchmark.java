package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig.IntentsSettings;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The numbers in benchmarks/intents.md: a simulated shop, the tagged tickets of the 28 days before
 * its last day split as {@link Intents} splits them, several text pipelines fitted on train,
 * thresholds on validation, everything reported on test. Not a test (no assertion); run by hand:
 * {@code java -cp <models test classpath> io.cxlake.models.intents.IntentsBenchmark [users days]}.
 */
public final class IntentsBenchmark {
  private IntentsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    SparkSession spark = SparkExtension.spark();
    SimParams shop = new SimParams(42, users, 200, days, 0.0, LocalDate.of(2026, 10, 1));
    Path dir = Files.createTempDirectory("intents-benchmark");
    Simulator.generate(spark, shop, dir);
    Dataset<Row> tickets =
        spark
            .read()
            .json(dir.resolve("landing/tickets").toString())
            .withColumn("ticket_date", to_date(col("created_at")));
    Dataset<Row> labels =
        spark.read().option("header", "true").csv(dir.resolve("truth/tickets.csv").toString());
    IntentsSettings settings = ConfigLoader.load(null, List.of()).intents();
    Dataset<Row> window =
        Intents.tagged(tickets, Intents.tags(labels), shop.lastDay(), settings.trainDays()).cache();
    Dataset<Row> train = window.where(Slices.isTrain()).cache();
    Dataset<Row> validation = window.where(Slices.isValidation()).cache();
    Dataset<Row> test = window.where(Slices.isTest()).cache();
    System.out.printf(
        "shop: %d users, %d days, seed 42; window: %d train, %d validation, %d test tickets%n%n",
        users, days, train.count(), validation.count(), test.count());

    System.out.println(
        "| pipeline | macro-F1 | accuracy | automated precision | containment | fit s |");
    System.out.println("|---|---|---|---|---|---|");
    majorityBaseline(train, test);
    Map<String, Pipeline> variants = new java.util.LinkedHashMap<>();
    variants.put("words + bigrams, reg 0.01", TextPipeline.create(0.01, false));
    variants.put("words + bigrams + char trigrams, reg 0.1", TextPipeline.create(0.1, true));
    variants.put("words + bigrams + char trigrams, reg 0.001", TextPipeline.create(0.001, true));
    variants.put("**words + bigrams + char trigrams, reg 0.01 (default)**", TextPipeline.create());
    IntentModel chosen = null;
    for (var v : variants.entrySet()) {
      long t0 = System.nanoTime();
      IntentModel m = IntentModel.fit(train, v.getValue());
      double fitSeconds = (System.nanoTime() - t0) / 1e9;
      m = m.withThresholds(validation, settings);
      SliceEvaluation e = SliceEvaluation.of(Slices.TEST, m.score(test));
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %.1f%% | %.0f |%n",
          v.getKey(),
          e.macroF1(),
          e.accuracy(),
          e.automatedPrecision(),
          100 * e.containment(),
          fitSeconds);
      chosen = m;
    }

    Dataset<Row> scored = chosen.score(test).cache();
    SliceEvaluation e = SliceEvaluation.of(Slices.TEST, scored);
    System.out.println("\nper intent (default pipeline, test slice):\n");
    System.out.println("| intent | precision | recall | F1 | support | threshold |");
    System.out.println("|---|---|---|---|---|---|");
    for (ClassMetrics.PerClass c : e.perClass()) {
      ThresholdSelection.Choice t = chosen.thresholds().get(c.label());
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %d | %s |%n",
          c.label(),
          c.precision(),
          c.recall(),
          c.f1(),
          c.support(),
          t == null || t.threshold() == null
              ? "none"
              : String.format(Locale.ROOT, "%.3f", t.threshold()));
    }
    System.out.println("\nconfusion (rows: tagged, columns: predicted): " + e.confusion());
    System.out.println("\nroutes and reasons on test:");
    scored.groupBy("route", "reason").count().orderBy("route", "reason").show(false);

    System.out.println(
        "precision target sweep (same model, thresholds re-chosen on validation):\n");
    System.out.println("| target | automated precision on test | containment on test |");
    System.out.println("|---|---|---|");
    for (String target : List.of("0.8", "0.9", "0.95", "0.99")) {
      IntentsSettings s =
          ConfigLoader.load(null, List.of("intents.precision-target=" + target)).intents();
      SliceEvaluation t =
          SliceEvaluation.of(Slices.TEST, chosen.withThresholds(validation, s).score(test));
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.1f%% |%n",
          target,
          t.automatedPrecision(),
          100 * t.containment());
    }
  }

  private static void majorityBaseline(Dataset<Row> train, Dataset<Row> test) {
    String majority =
        train.groupBy("actual").count().orderBy(col("count").desc()).head().getString(0);
    Map<String, Map<String, Long>> confusion = new TreeMap<>();
    for (Row r : test.groupBy("actual").count().collectAsList()) {
      confusion.put(r.getString(0), Map.of(majority, r.getLong(1)));
    }
    System.out.printf(
        Locale.ROOT,
        "| majority class (%s) | %.3f | %.3f | - | - | - |%n",
        majority,
        ClassMetrics.macroF1(ClassMetrics.of(confusion)),
        ClassMetrics.accuracy(confusion));
  }
}
