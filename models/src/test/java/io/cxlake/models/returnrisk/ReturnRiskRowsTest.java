package io.cxlake.models.returnrisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.score.ScoreTable;
import java.time.LocalDate;
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
    ReturnRiskResult r = ReturnRisk.run(lines, lines.limit(200).drop("label"), s, D);
    Lake lake = TempLake.create(spark);
    assertThat(lake.replacePartition(ScoreTable.RETURN_RISK, D, r.scores())).isEqualTo(200);
    assertThat(lake.read(ScoreTable.RETURN_RISK).where("size(reasons) > 0").count()).isPositive();
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_MODEL, D, r.modelRows()))
        .isEqualTo(r.modelRows().count());
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_METRICS, D, r.metricRows()))
        .isEqualTo(r.metricRows().count());
    assertThat(
            lake.replacePartition(ReturnRiskTables.RETURN_RISK_RELIABILITY, D, r.reliabilityRows()))
        .isEqualTo(r.reliabilityRows().count());
    assertThat(lake.replacePartition(ReturnRiskTables.RETURN_RISK_FAIRNESS, D, r.fairnessRows()))
        .isEqualTo(r.fairnessRows().count());
    lines.unpersist();
  }
}
