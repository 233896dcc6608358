package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Score distribution, flag rate and false-positive rate per customer segment, and the largest gap
 * ratio between compared segments: a model that flags one region's honest customers twice as often
 * as another's is a problem for the shop even when its AUC is fine.
 */
public final class Fairness {
  private Fairness() {}

  /** One segment's numbers; fpr is null when it has no line that was kept. */
  public record Segment(
      String kind,
      String name,
      long lines,
      double meanProbability,
      double flagRate,
      Double falsePositiveRate,
      boolean compared) {}

  /** The segments of one kind and the largest max/min ratio of flag rate or FPR among them. */
  public record Check(List<Segment> segments, double gap) {}

  /** {@code scored}: labelled lines with {@code probability}; flagged = at least highBand. */
  public static Check of(
      Dataset<Row> scored, String kind, Column segment, double highBand, int minLines) {
    Column flagged = when(col("probability").geq(highBand), 1.0).otherwise(0.0);
    Column kept = col("label").equalTo(0);
    List<Row> rows =
        scored
            .groupBy(coalesce(segment, lit("unknown")).as("segment"))
            .agg(
                count(lit(1)).as("lines"),
                avg("probability").as("mean_p"),
                avg(flagged).as("flag_rate"),
                sum(when(kept, flagged)).divide(sum(when(kept, 1.0))).as("fpr"))
            .orderBy("segment")
            .collectAsList();
    List<Segment> out = new ArrayList<>();
    for (Row r : rows) {
      long lines = r.getLong(1);
      out.add(
          new Segment(
              kind,
              r.getString(0),
              lines,
              r.getDouble(2),
              r.getDouble(3),
              r.isNullAt(4) ? null : r.getDouble(4),
              lines >= minLines));
    }
    List<Double> flags = new ArrayList<>();
    List<Double> fprs = new ArrayList<>();
    for (Segment s : out) {
      if (s.compared()) {
        flags.add(s.flagRate());
        if (s.falsePositiveRate() != null) {
          fprs.add(s.falsePositiveRate());
        }
      }
    }
    return new Check(out, Math.max(gapRatio(flags), gapRatio(fprs)));
  }

  /**
   * max/min of the rates; 1 when fewer than two or all zero; infinite when one is zero and another
   * is not (one segment is never flagged while another is).
   */
  public static double gapRatio(List<Double> rates) {
    if (rates.size() < 2) {
      return 1;
    }
    double max = rates.stream().mapToDouble(x -> x).max().getAsDouble();
    double min = rates.stream().mapToDouble(x -> x).min().getAsDouble();
    if (max == 0) {
      return 1;
    }
    return min == 0 ? Double.POSITIVE_INFINITY : max / min;
  }
}
