package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.models.evaluation.BinaryMetrics;
import io.cxlake.models.evaluation.Reliability;
import io.cxlake.models.evaluation.RocCurve;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The model and the naive baseline on the same evaluation lines. The baseline scores a line with
 * the customer's past return rate at the time of the line (the base rate for a first-time
 * customer): what a shop would use without a model.
 */
public record Evaluation(
    long lines,
    long returned,
    Map<String, Double> model,
    Map<String, Double> baseline,
    List<Reliability.Bin> reliability,
    List<RocCurve.Point> roc,
    List<RocCurve.Point> baselineRoc) {
  /** ROC points stored per curve: enough to draw it, small whatever the test slice's size. */
  static final int ROC_POINTS = 101;

  /** {@code scored}: labelled lines with the model's {@code probability}. */
  public static Evaluation of(Dataset<Row> scored, double baseRate, int bins) {
    List<Row> rows =
        scored
            .select(
                col("probability"),
                coalesce(col("customer_return_rate"), lit(baseRate)).as("baseline"),
                col("label").cast("int"))
            .collectAsList();
    int n = rows.size();
    if (n == 0) {
      throw new IllegalStateException("no labelled lines to evaluate on");
    }
    double[] p = new double[n];
    double[] b = new double[n];
    int[] y = new int[n];
    long pos = 0;
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      p[i] = r.getDouble(0);
      b[i] = Math.min(1, Math.max(0, r.getDouble(1)));
      y[i] = r.getInt(2);
      pos += y[i];
    }
    List<Reliability.Bin> curve = Reliability.curve(p, y, bins);
    return new Evaluation(
        n,
        pos,
        metrics(p, y, bins),
        metrics(b, y, bins),
        curve,
        RocCurve.of(p, y, ROC_POINTS),
        RocCurve.of(b, y, ROC_POINTS));
  }

  private static Map<String, Double> metrics(double[] p, int[] y, int bins) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("auc_roc", BinaryMetrics.aucRoc(p, y));
    m.put("auc_pr", BinaryMetrics.aucPr(p, y));
    m.put("brier", BinaryMetrics.brier(p, y));
    m.put("ece", Reliability.ece(p, y, bins));
    return m;
  }

  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d lines (%d returned): model AUC-ROC %.4f AUC-PR %.4f Brier %.4f ECE %.4f;"
            + " baseline AUC-ROC %.4f AUC-PR %.4f Brier %.4f",
        lines,
        returned,
        model.get("auc_roc"),
        model.get("auc_pr"),
        model.get("brier"),
        model.get("ece"),
        baseline.get("auc_roc"),
        baseline.get("auc_pr"),
        baseline.get("brier"));
  }
}
