package io.cxlake.models.returnrisk;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A trained return-risk model: its evaluation and checks, and the rows each table gets. */
public record ReturnRiskResult(
    ReturnRiskModel model,
    Evaluation evaluation,
    Fairness.Check fairness,
    boolean gatePassed,
    List<String> warnings,
    Dataset<Row> modelRows,
    Dataset<Row> metricRows,
    Dataset<Row> reliabilityRows,
    Dataset<Row> fairnessRows,
    Dataset<Row> rocRows) {

  public String summary() {
    return model.version()
        + ": "
        + evaluation.summary()
        + String.format(java.util.Locale.ROOT, "; fairness gap %.2f", fairness.gap())
        + (gatePassed ? "; gate passed" : "; GATE FAILED")
        + (warnings.isEmpty() ? "" : "; warnings: " + String.join("; ", warnings));
  }
}
