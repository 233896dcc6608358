package io.cxlake.models.measure;

import io.cxlake.models.impact.ImpactTable;
import io.cxlake.models.impact.Interval;
import io.cxlake.models.impact.LiftResult;
import io.cxlake.models.impact.RoiResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** The lift and ROI records as rows of {@link ImpactTable}; undefined numbers become null. */
public final class ImpactRows {

  private ImpactRows() {}

  public static Dataset<Row> lift(SparkSession spark, LocalDate runDate, List<LiftRow> rows) {
    List<Row> out = rows.stream().map(r -> liftRow(runDate, r)).toList();
    return spark.createDataFrame(out, ImpactTable.LIFT.schema());
  }

  public static Dataset<Row> roi(SparkSession spark, LocalDate runDate, List<RoiRow> rows) {
    List<Row> out = rows.stream().map(r -> roiRow(runDate, r)).toList();
    return spark.createDataFrame(out, ImpactTable.ROI.schema());
  }

  static Row liftRow(LocalDate runDate, LiftRow r) {
    AnalysisWindow w = r.window();
    LiftResult l = r.lift();
    boolean cuped = r.cupedApplied();
    LiftResult raw = r.cuped() == null ? l : r.cuped().unadjusted();
    Double naiveBefore = null;
    Double naiveAfter = null;
    Double naiveChange = null;
    Interval naiveCi = Interval.UNDEFINED;
    if (r.naive() != null) {
      naiveBefore = r.naive().meanBefore();
      naiveAfter = r.naive().meanAfter();
      naiveChange = r.naive().change();
      naiveCi = r.naive().ci();
    } else if (r.naiveBeforeAfter() != null) {
      naiveBefore = r.naiveBeforeAfter()[0];
      naiveAfter = r.naiveBeforeAfter()[1];
      naiveChange = naiveAfter - naiveBefore;
    }
    return RowFactory.create(
        Date.valueOf(runDate),
        w.automation(),
        r.metric().id(),
        Date.valueOf(w.start()),
        Date.valueOf(w.end()),
        Date.valueOf(w.preStart()),
        Date.valueOf(w.preEnd()),
        l.nTreatment(),
        l.nHoldout(),
        num(raw.meanTreatment()),
        num(raw.meanHoldout()),
        num(l.absLift()),
        num(l.absSe()),
        num(l.absCi().low()),
        num(l.absCi().high()),
        num(l.relLift()),
        num(l.relCi().low()),
        num(l.relCi().high()),
        num(l.pValue()),
        num(r.pAdjusted()),
        cuped,
        r.cuped() == null ? null : num(r.cuped().theta()),
        cuped ? num(r.cuped().widthRatio()) : null,
        num(raw.absLift()),
        num(raw.absCi().low()),
        num(raw.absCi().high()),
        r.srm().pValue(),
        r.srm().flagged(),
        num(naiveBefore),
        num(naiveAfter),
        num(naiveChange),
        num(naiveCi.low()),
        num(naiveCi.high()));
  }

  static Row roiRow(LocalDate runDate, RoiRow r) {
    AnalysisWindow w = r.window();
    RoiResult o = r.result();
    return RowFactory.create(
        Date.valueOf(runDate),
        w.automation(),
        Date.valueOf(w.start()),
        Date.valueOf(w.end()),
        w.days(),
        r.eligibleUsers(),
        num(r.inputs().netRevenueLift().value()),
        num(r.inputs().agentMinutesLift().value()),
        num(r.inputs().returnedItemsLift().value()),
        num(o.grossProfitPerUser()),
        num(o.incrementalGrossProfit()),
        o.operatingCost(),
        r.costSource(),
        num(o.netBenefit()),
        num(o.roi()),
        num(o.roiCi().low()),
        num(o.roiCi().high()),
        num(o.pRoiPositive()),
        num(o.paybackDays()),
        r.srmFlag());
  }

  /** NaN and infinities (an undefined quantity, a payback that never comes) as null. */
  private static Double num(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }
}
