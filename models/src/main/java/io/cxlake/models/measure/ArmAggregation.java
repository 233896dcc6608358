package io.cxlake.models.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cxlake.models.impact.ArmSums;
import io.cxlake.models.impact.RatioArmSums;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-arm sufficient statistics of every metric in one groupBy over {@link UserOutcomes}: for each
 * per-user metric n, Σy, Σy², Σx, Σx², Σxy (x its pre-period value); for AOV Σrevenue, Σorders and
 * their squares and product; and the same per-user sums over the users the naive before/after
 * compares, with x rescaled to the window's length. The plain-Java statistics take it from there.
 */
public final class ArmAggregation {

  private ArmAggregation() {}

  /** One row per (automation, cohort). */
  public static Dataset<Row> of(Dataset<Row> userOutcomes) {
    // The naive estimate compares a full window with the pre-period scaled to the same length;
    // only users exposed over the whole window and a non-empty pre-period qualify.
    Column naive = col("full_window").and(col("pre_days").gt(0));
    Column scale =
        when(naive, col("window_days").cast("double").divide(col("pre_days"))).otherwise(0.0);
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("n"));
    aggs.add(sum(when(naive, 1L).otherwise(0L)).as("naive_n"));
    for (Metric m : Metric.perUser()) {
      Column y = col(m.y());
      Column x = col(m.x());
      aggs.addAll(sums(m.id(), y, x));
      Column ny = when(naive, y).otherwise(0.0);
      aggs.addAll(sums("naive_" + m.id(), ny, x.multiply(scale)));
    }
    Column rev = col(Metric.REVENUE.y());
    Column ord = col(Metric.ORDERS.y());
    aggs.add(sum(rev.multiply(rev)).as("aov_num2"));
    aggs.add(sum(ord.multiply(ord)).as("aov_den2"));
    aggs.add(sum(rev.multiply(ord)).as("aov_numden"));
    return userOutcomes
        .groupBy("automation", "cohort")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  private static List<Column> sums(String p, Column y, Column x) {
    return List.of(
        sum(y).as(p + "_y"),
        sum(y.multiply(y)).as(p + "_y2"),
        sum(x).as(p + "_x"),
        sum(x.multiply(x)).as(p + "_x2"),
        sum(x.multiply(y)).as(p + "_xy"));
  }

  /** The aggregated rows as plain Java: automation → cohort → statistics. */
  public static Map<String, Map<String, ArmStats>> collect(Dataset<Row> arms) {
    Map<String, Map<String, ArmStats>> out = new HashMap<>();
    for (Row r : arms.collectAsList()) {
      out.computeIfAbsent(r.getAs("automation"), a -> new HashMap<>())
          .put(r.getAs("cohort"), stats(r));
    }
    return out;
  }

  static ArmStats stats(Row r) {
    long n = r.getAs("n");
    long naiveN = r.getAs("naive_n");
    Map<Metric, ArmSums> sums = new EnumMap<>(Metric.class);
    Map<Metric, ArmSums> naive = new EnumMap<>(Metric.class);
    for (Metric m : Metric.perUser()) {
      sums.put(m, armSums(r, m.id(), n));
      naive.put(m, armSums(r, "naive_" + m.id(), naiveN));
    }
    RatioArmSums aov =
        new RatioArmSums(
            n,
            r.<Double>getAs(Metric.REVENUE.id() + "_y"),
            r.<Double>getAs(Metric.ORDERS.id() + "_y"),
            r.<Double>getAs("aov_num2"),
            r.<Double>getAs("aov_den2"),
            r.<Double>getAs("aov_numden"));
    return new ArmStats(sums, aov, naive);
  }

  private static ArmSums armSums(Row r, String p, long n) {
    return new ArmSums(
        n,
        r.<Double>getAs(p + "_y"),
        r.<Double>getAs(p + "_y2"),
        r.<Double>getAs(p + "_x"),
        r.<Double>getAs(p + "_x2"),
        r.<Double>getAs(p + "_xy"));
  }
}
