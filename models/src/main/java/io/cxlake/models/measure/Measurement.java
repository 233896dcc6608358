package io.cxlake.models.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import io.cxlake.lake.config.CxConfig.ImpactSettings;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The measurement of run-date D, in three phases: (1) the analysis window of each automation from
 * its first assignment (a small aggregate collected to the driver); (2) per-user outcomes and their
 * per-arm sums in one groupBy, collected (two rows per automation); (3) plain-Java statistics over
 * those sums. No paths: the caller reads the lake and writes the result.
 */
public final class Measurement {

  private Measurement() {}

  /** The lake tables the measurement reads. */
  public record Inputs(
      Dataset<Row> assignments,
      Dataset<Row> orderLines,
      Dataset<Row> returns,
      Dataset<Row> tickets,
      Dataset<Row> events,
      Dataset<Row> costs) {}

  /** Lift rows of every automation, and one ROI row per automation. */
  public record Result(List<LiftRow> lifts, List<RoiRow> rois) {}

  public static Result run(Inputs in, LocalDate runDate, ImpactSettings s) {
    List<AnalysisWindow> windows = windows(in, runDate, s);
    if (windows.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    SparkSession spark = in.assignments().sparkSession();
    Dataset<Row> outcomes =
        UserOutcomes.of(
            in.assignments(), frame(spark, windows), in.orderLines(), in.returns(), in.tickets());
    Map<String, Map<String, ArmStats>> arms = ArmAggregation.collect(ArmAggregation.of(outcomes));
    Map<String, Double> costs = costs(in.costs(), windows);
    List<LiftRow> lifts = new ArrayList<>();
    List<RoiRow> rois = new ArrayList<>();
    for (AnalysisWindow w : windows) {
      Map<String, ArmStats> a = arms.getOrDefault(w.automation(), Map.of());
      ArmStats t = a.get(UserOutcomes.TREATMENT);
      ArmStats h = a.get(UserOutcomes.HOLDOUT);
      if (t == null || h == null) {
        continue; // one arm only: nothing to compare (e.g. a roll-out without holdout)
      }
      List<LiftRow> rows = AutomationLifts.of(w, t, h, s.treatmentShare());
      lifts.addAll(rows);
      rois.add(AutomationRoi.of(rows, costs.get(w.automation()), s));
    }
    return new Result(lifts, rois);
  }

  /** Each automation assigned by the run date, with its window; sorted by name. */
  static List<AnalysisWindow> windows(Inputs in, LocalDate runDate, ImpactSettings s) {
    Date end = Date.valueOf(runDate);
    List<Row> first =
        in.assignments()
            .withColumn("assign_date", to_date(col("assigned_at")))
            .where(col("assign_date").leq(end))
            .groupBy("automation")
            .agg(min("assign_date"))
            .orderBy("automation")
            .collectAsList();
    Row firstEvent = in.events().agg(min("event_date")).head();
    List<AnalysisWindow> out = new ArrayList<>();
    for (Row r : first) {
      LocalDate assigned = r.getDate(1).toLocalDate();
      // Without events, the pre-period starts at the first assignment: it is empty.
      LocalDate firstData = firstEvent.isNullAt(0) ? assigned : firstEvent.getDate(0).toLocalDate();
      out.add(
          AnalysisWindow.of(
              r.getString(0), assigned, firstData, runDate, s.windowDays(), s.prePeriodDays()));
    }
    return out;
  }

  static Dataset<Row> frame(SparkSession spark, List<AnalysisWindow> windows) {
    StructType schema =
        new StructType()
            .add("automation", DataTypes.StringType, false)
            .add("window_start", DataTypes.DateType, false)
            .add("window_end", DataTypes.DateType, false)
            .add("pre_start", DataTypes.DateType, false)
            .add("pre_end", DataTypes.DateType, false)
            .add("window_days", DataTypes.IntegerType, false)
            .add("pre_days", DataTypes.IntegerType, false);
    List<Row> rows =
        windows.stream()
            .map(
                w ->
                    RowFactory.create(
                        w.automation(),
                        Date.valueOf(w.start()),
                        Date.valueOf(w.end()),
                        Date.valueOf(w.preStart()),
                        Date.valueOf(w.preEnd()),
                        w.days(),
                        w.preDays()))
            .toList();
    return spark.createDataFrame(rows, schema);
  }

  /** The costs table's total per automation over its window; absent when it has no rows. */
  static Map<String, Double> costs(Dataset<Row> costs, List<AnalysisWindow> windows) {
    Dataset<Row> w = frame(costs.sparkSession(), windows);
    Map<String, Double> out = new HashMap<>();
    costs
        .join(w, "automation")
        .where(col("date").between(col("window_start"), col("window_end")))
        .groupBy("automation")
        .agg(sum("amount"))
        .collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getDouble(1)));
    return out;
  }
}
