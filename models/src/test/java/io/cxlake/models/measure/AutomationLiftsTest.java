package io.cxlake.models.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.ImpactSettings;
import io.cxlake.models.impact.ArmSums;
import io.cxlake.models.impact.Cuped;
import io.cxlake.models.impact.ImpactTable;
import io.cxlake.models.impact.RatioArmSums;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** From two arms' sums to lift and ROI rows: plain Java, no Spark. */
class AutomationLiftsTest {
  static final LocalDate RUN = LocalDate.of(2026, 10, 30);
  static final AnalysisWindow WINDOW =
      AnalysisWindow.of("recs", RUN.minusDays(19), RUN.minusDays(40), RUN, 0, 10);
  static final ImpactSettings SETTINGS = new ImpactSettings(0, 10, 0.5, 0.4, 0.8, 5, 0, 25);

  /** An arm of n users: x a pre-period value, y = x + noise + effect (so CUPED has work). */
  static ArmStats arm(SplittableRandom r, int n, double effect) {
    Map<Metric, ArmSums> sums = new EnumMap<>(Metric.class);
    Map<Metric, ArmSums> naive = new EnumMap<>(Metric.class);
    RatioArmSums aov = RatioArmSums.EMPTY;
    for (Metric m : Metric.perUser()) {
      ArmSums s = ArmSums.EMPTY;
      for (int i = 0; i < n; i++) {
        double x = r.nextDouble() * 10;
        s = s.add(x + r.nextDouble() + effect, x);
      }
      sums.put(m, s);
      naive.put(m, s);
    }
    for (int i = 0; i < n; i++) {
      int orders = r.nextInt(3);
      aov = aov.add(orders * (20 + r.nextDouble() * 10 + effect), orders);
    }
    return new ArmStats(sums, aov, naive);
  }

  @Test
  void oneRowPerMetricWithCupedBhAndTheSrmCheck() {
    SplittableRandom r = new SplittableRandom(3);
    // 5,200 / 4,800 against a configured 50/50: a sample-ratio mismatch.
    ArmStats t = arm(r, 5200, 0.3);
    ArmStats h = arm(r, 4800, 0);
    List<LiftRow> rows = AutomationLifts.of(WINDOW, t, h, 0.5);
    assertThat(rows).extracting(LiftRow::metric).containsExactly(Metric.values());
    assertThat(rows).allMatch(x -> x.srm().flagged());
    for (LiftRow row : rows) {
      assertThat(row.pAdjusted()).isGreaterThanOrEqualTo(row.lift().pValue());
      if (row.metric() == Metric.AOV) {
        assertThat(row.cuped()).isNull();
        assertThat(row.naiveBeforeAfter()).isNotNull();
        continue;
      }
      Metric m = row.metric();
      assertThat(row.cupedApplied()).isTrue();
      assertThat(row.lift().absLift())
          .isEqualTo(Cuped.of(t.sums().get(m), h.sums().get(m)).adjusted().absLift());
      assertThat(row.cuped().widthRatio()).isLessThan(0.5); // x explains most of y
      assertThat(row.naive() == null).isEqualTo(m == Metric.CONVERSION);
    }
    Row spark = ImpactRows.liftRow(RUN, rows.get(0));
    assertThat(spark.length()).isEqualTo(ImpactTable.LIFT.schema().size());
  }

  @Test
  void roiTakesTheCostsTableAndFallsBackToTheConfiguredCostPerDay() {
    SplittableRandom r = new SplittableRandom(4);
    List<LiftRow> rows = AutomationLifts.of(WINDOW, arm(r, 500, 0.3), arm(r, 500, 0), 0.5);
    RoiRow fromTable = AutomationRoi.of(rows, 123.0, SETTINGS);
    assertThat(fromTable.costSource()).isEqualTo(AutomationRoi.FROM_COSTS_TABLE);
    assertThat(fromTable.result().operatingCost()).isEqualTo(123.0);
    assertThat(fromTable.eligibleUsers()).isEqualTo(1000);
    RoiRow fromConfig = AutomationRoi.of(rows, null, SETTINGS);
    assertThat(fromConfig.costSource()).isEqualTo(AutomationRoi.FROM_CONFIG);
    assertThat(fromConfig.result().operatingCost()).isEqualTo(25.0 * 20);
    assertThat(ImpactRows.roiRow(RUN, fromConfig).length())
        .isEqualTo(ImpactTable.ROI.schema().size());
  }
}
