package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On lines drawn from the simulator's planted return model over a year of history, the model must
 * reach the goal (0.97 of the oracle, the AUC of the true probabilities; the test's floor is a
 * little below it) and the informed ceiling (the AUC of what can be known point-in-time), be
 * calibrated, and give the planted dominant term as its top reason.
 */
@ExtendWith(SparkExtension.class)
class ReturnRiskPlantedTest {
  private static Dataset<Row> test;
  private static Evaluation eval;
  private static ReturnRiskModel model;

  /**
   * A year of history, as a shop's nightly trains on: a customer's past returns then say enough
   * about their latent propensity. Fewer customers than days' worth keep the line count (and run
   * time) of a 4,000-customer, 120-day draw; benchmarks/return-risk.md has the shorter spans.
   */
  private static final int DAYS = 365;

  private static final int CUSTOMERS = 1315;

  @BeforeAll
  static void fitOnPlantedLines() {
    SparkSession spark = SparkExtension.spark();
    Dataset<Row> examples = PlantedReturns.draw(spark, 7, CUSTOMERS, DAYS, 0.05).cache();
    TimeSplit split = TimeSplit.of(examples, 0.2, 0.2);
    model = new ReturnRiskTrainer(0.0, 20).fit(split.train(), split.calibration(), "test");
    test = model.score(split.test(), 0.2, 0.4).cache();
    eval = Evaluation.of(test, model.baseRate(), 10);
    System.out.println("planted: " + eval.summary());
    model.terms().forEach(t -> System.out.println("  " + t));
  }

  @Test
  void aucApproachesTheOracleAndProbabilitiesAreCalibrated() {
    PlantedReturns.Ceilings c = PlantedReturns.Ceilings.of(test);
    double oracle = c.oracle();
    double ceiling = c.informed();
    double ratio = eval.model().get("auc_roc") / oracle;
    System.out.printf(
        Locale.ROOT,
        "oracle AUC %.4f, informed AUC %.4f (%.4f of the oracle), model ratio %.4f%n",
        oracle,
        ceiling,
        ceiling / oracle,
        ratio);
    // The oracle knows each customer's z; no model can, so the informed AUC (z's posterior given
    // the observable history) is the reachable ceiling: 0.98 of the oracle after a year (0.96
    // after 120 days, where the goal is out of reach for any point-in-time model).
    // The goal is 0.97; the floor sits a little below it (measured 0.9785 on this draw, 0.974-0.983
    // over five seeds: benchmarks/return-risk.md).
    assertThat(ratio).isGreaterThan(0.965);
    assertThat(eval.model().get("auc_roc")).isGreaterThan(0.99 * ceiling);
    assertThat(eval.model().get("ece")).isLessThan(0.02);
    assertThat(eval.model().get("auc_roc")).isGreaterThan(eval.baseline().get("auc_roc"));
  }

  @Test
  void theDominantPlantedTermIsTheTopReason() {
    // Lines where the planted several-sizes push beats every other planted push by 0.25 logits.
    List<Row> dominated =
        test.where(col("planted_several_sizes").gt(col("planted_other_max").plus(0.25)))
            .select("reasons")
            .collectAsList();
    long agree =
        dominated.stream()
            .filter(
                r ->
                    !r.getList(0).isEmpty()
                        && r.<String>getList(0).get(0).startsWith("several_sizes "))
            .count();
    double share = (double) agree / dominated.size();
    System.out.printf(
        Locale.ROOT, "several_sizes top reason in %d of %d%n", agree, dominated.size());
    assertThat(dominated.size()).isGreaterThan(50);
    assertThat(share).isGreaterThan(0.8);
  }

  @Test
  void anUnseenCategoryOrNullFeaturesScoreWithAReasonSayingSo() {
    SparkSession spark = SparkExtension.spark();
    Row base = test.drop("probability", "band", "reasons").head();
    Object[] unseen = rowValues(base);
    unseen[PlantedReturns.SCHEMA.fieldIndex("category")] = "garden furniture";
    Object[] nulls = rowValues(base);
    for (String c :
        List.of(
            "category",
            "size_sensitive",
            "customer_return_rate",
            "customer_items_bought",
            "days_since_prev_return",
            "device",
            "channel")) {
      nulls[PlantedReturns.SCHEMA.fieldIndex(c)] = null;
    }
    nulls[PlantedReturns.SCHEMA.fieldIndex("unit_price")] = 0.0;
    List<Row> scored =
        model
            .score(
                spark.createDataFrame(
                    List.of(
                        org.apache.spark.sql.RowFactory.create(unseen),
                        org.apache.spark.sql.RowFactory.create(nulls)),
                    PlantedReturns.SCHEMA),
                0.2,
                0.4)
            .select("probability", "band", "reasons")
            .collectAsList();
    assertThat(scored.get(0).getDouble(0)).isBetween(0.0, 1.0);
    assertThat(scored.get(0).<String>getList(2))
        .anyMatch(r -> r.startsWith("unseen_category: 'garden furniture' was not seen"));
    assertThat(scored.get(1).getDouble(0)).isBetween(0.0, 1.0);
    assertThat(scored.get(1).<String>getList(2))
        .contains(
            "missing_category: unknown, scored as an average line",
            "missing_size_sensitive: unknown, scored as an average line",
            "missing_price: unknown, scored as an average line");
    System.out.println("unseen: " + scored.get(0) + "\nnulls: " + scored.get(1));
  }

  private static Object[] rowValues(Row r) {
    Object[] v = new Object[r.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return v;
  }
}
