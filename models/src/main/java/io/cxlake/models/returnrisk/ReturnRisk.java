package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.models.evaluation.Reliability;
import io.cxlake.models.evaluation.RocCurve;
import io.cxlake.models.registry.ModelVersion;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * One return-risk run, without I/O: split the labelled lines by time, fit and calibrate, evaluate
 * on the newest slice against the naive baseline, check fairness and gate; and score open lines.
 */
public final class ReturnRisk {
  private ReturnRisk() {}

  /**
   * Why no model can be trained and evaluated on these examples yet, or empty if one can. A young
   * lake has no line whose return window has closed, or too few lines to give each time slice (fit,
   * calibration, test) both kept and returned lines; that is a normal state, not an error.
   */
  public static Optional<String> whyNoModel(Dataset<Row> examples, ReturnRiskSettings s) {
    long[] all = lineCounts(examples);
    if (all[0] == 0) {
      return Optional.of(
          "no order line's return window (return-risk.label-days = "
              + s.labelDays()
              + ") has closed yet");
    }
    TimeSplit split = TimeSplit.of(examples, s.calibrationShare(), s.testShare());
    Map<String, Dataset<Row>> slices = new LinkedHashMap<>();
    slices.put("fit", split.train());
    slices.put("calibration", split.calibration());
    slices.put("test", split.test());
    for (Map.Entry<String, Dataset<Row>> e : slices.entrySet()) {
      long[] c = lineCounts(e.getValue());
      if (c[1] == 0 || c[1] == c[0]) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "too little history: the %s slice of the %d labelled lines (%d returned) has %d"
                    + " lines, %d returned, and needs both kept and returned ones",
                e.getKey(),
                all[0],
                all[1],
                c[0],
                c[1]));
      }
    }
    return Optional.empty();
  }

  /** Lines and returned lines. */
  private static long[] lineCounts(Dataset<Row> examples) {
    Row r = examples.agg(count(lit(1)), coalesce(sum(col("label")), lit(0L))).head();
    return new long[] {r.getLong(0), ((Number) r.get(1)).longValue()};
  }

  /** The model name in model_registry and model_versions. */
  public static final String MODEL = "return_risk";

  /**
   * Trains on {@code examples} (labelled, from TrainingSet): fit and calibrate on the older slices,
   * evaluate on the newest against the naive baseline, check fairness. {@code gatePassed} says
   * whether the model may serve at all; the champion comparison is the registry's.
   */
  public static ReturnRiskResult train(
      Dataset<Row> examples, ReturnRiskSettings s, LocalDate runDate) {
    TimeSplit split = TimeSplit.of(examples, s.calibrationShare(), s.testShare());
    String version = ModelVersion.versionFor(MODEL, runDate);
    ReturnRiskModel model =
        new ReturnRiskTrainer(s.regParam(), s.minCategoryCount())
            .fit(split.train(), split.calibration(), version);
    Dataset<Row> scoredTest = model.score(split.test(), s.mediumBand(), s.highBand()).cache();
    Evaluation eval = Evaluation.of(scoredTest, model.baseRate(), s.reliabilityBins());
    Fairness.Check fairness =
        Fairness.of(
            scoredTest, "region", col("customer_region"), s.highBand(), s.minSegmentLines());
    scoredTest.unpersist();

    List<String> warnings = new ArrayList<>();
    boolean beatsBaseline =
        eval.model().get("auc_roc") > eval.baseline().get("auc_roc")
            && eval.model().get("auc_pr") > eval.baseline().get("auc_pr");
    if (!beatsBaseline) {
      warnings.add("the model does not beat the naive baseline on AUC-ROC and AUC-PR");
    }
    boolean fair = fairness.gap() <= s.maxFairnessGap();
    if (!fair) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "fairness gap %.2f across regions exceeds return-risk.max-fairness-gap %.2f",
              fairness.gap(),
              s.maxFairnessGap()));
    }
    boolean passed = beatsBaseline && (fair || !s.blockOnFairness());

    SparkSession spark = examples.sparkSession();
    Date day = Date.valueOf(runDate);
    return new ReturnRiskResult(
        model,
        eval,
        fairness,
        passed,
        warnings,
        modelRows(spark, model, day),
        metricRows(spark, version, eval, fairness, passed, day),
        reliabilityRows(spark, version, eval.reliability(), day),
        fairnessRows(spark, version, fairness, day),
        rocRows(spark, version, eval, day));
  }

  /**
   * The return_risk rows of run-date {@code runDate}: {@code open} lines scored by {@code model}.
   */
  public static Dataset<Row> score(
      ReturnRiskModel model, Dataset<Row> open, ReturnRiskSettings s, LocalDate runDate) {
    return model
        .score(open, s.mediumBand(), s.highBand())
        .select(
            col("order_id"),
            col("line_no"),
            col("item_id"),
            col("probability"),
            col("band"),
            col("reasons"),
            lit(model.version()).as("model_version"),
            lit(Date.valueOf(runDate)).as("run_date"));
  }

  private static Dataset<Row> modelRows(SparkSession spark, ReturnRiskModel m, Date day) {
    List<Row> rows = new ArrayList<>();
    Map<String, Double> extra = new LinkedHashMap<>();
    extra.put("_intercept", m.intercept());
    extra.put("_platt_slope", m.plattSlope());
    extra.put("_platt_offset", m.plattOffset());
    extra.put("_base_rate", m.baseRate());
    extra.forEach((k, v) -> rows.add(RowFactory.create(m.version(), k, null, 0.0, v, day)));
    for (ModelTerm t : m.terms()) {
      rows.add(RowFactory.create(m.version(), t.term(), t.level(), t.mean(), t.coefficient(), day));
    }
    return spark.createDataFrame(rows, ReturnRiskTables.RETURN_RISK_MODEL.schema());
  }

  private static Dataset<Row> metricRows(
      SparkSession spark,
      String version,
      Evaluation e,
      Fairness.Check f,
      boolean passed,
      Date day) {
    List<Row> rows = new ArrayList<>();
    e.model().forEach((k, v) -> rows.add(RowFactory.create(version, "model", k, v, day)));
    e.baseline().forEach((k, v) -> rows.add(RowFactory.create(version, "baseline", k, v, day)));
    rows.add(RowFactory.create(version, "model", "lines", (double) e.lines(), day));
    rows.add(RowFactory.create(version, "model", "returned", (double) e.returned(), day));
    rows.add(RowFactory.create(version, "model", "fairness_gap", f.gap(), day));
    rows.add(RowFactory.create(version, "model", "gate_passed", passed ? 1.0 : 0.0, day));
    return spark.createDataFrame(rows, ReturnRiskTables.RETURN_RISK_METRICS.schema());
  }

  private static Dataset<Row> reliabilityRows(
      SparkSession spark, String version, List<Reliability.Bin> bins, Date day) {
    List<Row> rows = new ArrayList<>();
    for (Reliability.Bin b : bins) {
      rows.add(
          RowFactory.create(
              version,
              b.index(),
              b.lower(),
              b.upper(),
              b.count(),
              b.meanPredicted(),
              b.observedRate(),
              day));
    }
    return spark.createDataFrame(rows, ReturnRiskTables.RETURN_RISK_RELIABILITY.schema());
  }

  private static Dataset<Row> fairnessRows(
      SparkSession spark, String version, Fairness.Check f, Date day) {
    List<Row> rows = new ArrayList<>();
    for (Fairness.Segment s : f.segments()) {
      rows.add(
          RowFactory.create(
              version,
              s.kind(),
              s.name(),
              s.lines(),
              s.meanProbability(),
              s.flagRate(),
              s.falsePositiveRate(),
              s.compared(),
              day));
    }
    return spark.createDataFrame(rows, ReturnRiskTables.RETURN_RISK_FAIRNESS.schema());
  }

  private static Dataset<Row> rocRows(SparkSession spark, String version, Evaluation e, Date day) {
    List<Row> rows = new ArrayList<>();
    Map<String, List<RocCurve.Point>> curves = new LinkedHashMap<>();
    curves.put("model", e.roc());
    curves.put("baseline", e.baselineRoc());
    curves.forEach(
        (model, points) -> {
          for (int i = 0; i < points.size(); i++) {
            RocCurve.Point pt = points.get(i);
            // The origin's threshold is above every score: stored as null, not Infinity.
            Double threshold = Double.isInfinite(pt.threshold()) ? null : pt.threshold();
            rows.add(RowFactory.create(version, model, i, threshold, pt.fpr(), pt.tpr(), day));
          }
        });
    return spark.createDataFrame(rows, ReturnRiskTables.RETURN_RISK_ROC.schema());
  }
}
