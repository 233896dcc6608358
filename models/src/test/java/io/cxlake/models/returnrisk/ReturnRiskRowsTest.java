package io.cxlake.models.returnrisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.score.ScoreTable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every row set of a return-risk run lands in its declared table as the step writes it. */
@ExtendWith(SparkExtension.class)
class ReturnRiskRowsTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 1);

  @Test
  void theScoresAndTheEvaluationFitTheirTables(SparkSession spark) {
    Dataset<Row> lines = PlantedReturns.draw(spark, 11, 1500, 60, 0.05).cache();
    ReturnRiskSettings s =
        new ReturnRiskSettings(30, 0.2, 0.2, 0.001, 20, 0.2, 0.4, 10, 1.5, 100, false);
    assertThat(ReturnRisk.whyNoModel(lines, s)).isEmpty();
    ReturnRiskResult r = ReturnRisk.train(lines, s, D);
    Dataset<Row> open = lines.limit(200).drop("label");
    Lake lake = TempLake.create(spark);
    assertThat(
            lake.replacePartition(
                ScoreTable.RETURN_RISK, D, ReturnRisk.score(r.model(), open, s, D)))
        .isEqualTo(200);
    assertThat(lake.read(ScoreTable.RETURN_RISK).where("size(reasons) > 0").count()).isPositive();
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_MODEL, D, r.modelRows()))
        .isEqualTo(r.modelRows().count());

    // The stored model rows are the model: rebuilt from them, it scores every line as it did.
    ReturnRiskModel back =
        ReturnRiskModel.fromRows(
            r.model().version(), lake.read(ReturnRiskTables.RETURN_RISK_MODEL).collectAsList());
    List<Row> before =
        ReturnRisk.score(r.model(), open, s, D).orderBy("order_id", "line_no").collectAsList();
    List<Row> after =
        ReturnRisk.score(back, open, s, D).orderBy("order_id", "line_no").collectAsList();
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) {
      Row b = before.get(i);
      Row a = after.get(i);
      assertThat((double) a.getAs("probability"))
          .isCloseTo((double) b.getAs("probability"), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(a.<String>getAs("band")).isEqualTo(b.getAs("band"));
      assertThat(a.getList(a.fieldIndex("reasons"))).isEqualTo(b.getList(b.fieldIndex("reasons")));
      assertThat(a.<String>getAs("model_version")).isEqualTo(r.model().version());
    }
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_METRICS, D, r.metricRows()))
        .isEqualTo(r.metricRows().count());
    assertThat(
            lake.replacePartition(ReturnRiskTables.RETURN_RISK_RELIABILITY, D, r.reliabilityRows()))
        .isEqualTo(r.reliabilityRows().count());
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_FAIRNESS, D, r.fairnessRows()))
        .isEqualTo(r.fairnessRows().count());
    // The stored ROC curve ends at (1, 1) and encloses about the AUC the metrics table reports.
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_ROC, D, r.rocRows()))
        .isEqualTo(r.evaluation().roc().size() + r.evaluation().baselineRoc().size());
    List<Row> roc =
        lake.read(ReturnRiskTables.RETURN_RISK_ROC)
            .where("model = 'model'")
            .orderBy("point")
            .collectAsList();
    double area = 0;
    for (int i = 1; i < roc.size(); i++) {
      Row p = roc.get(i - 1);
      Row q = roc.get(i);
      area +=
          (q.<Double>getAs("fpr") - p.<Double>getAs("fpr"))
              * (q.<Double>getAs("tpr") + p.<Double>getAs("tpr"))
              / 2;
    }
    assertThat(roc.get(0).isNullAt(roc.get(0).fieldIndex("threshold"))).isTrue();
    assertThat(roc.get(roc.size() - 1).<Double>getAs("tpr")).isEqualTo(1.0);
    assertThat(area)
        .isCloseTo(
            r.evaluation().model().get("auc_roc"), org.assertj.core.data.Offset.offset(0.01));
    lines.unpersist();
  }
}
