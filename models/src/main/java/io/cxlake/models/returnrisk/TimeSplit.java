package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_timestamp;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Splits labelled lines by order time: the oldest for fitting, the next for calibration, the newest
 * for evaluation, so every number is measured on lines ordered after everything the model saw. The
 * lines of one order share its timestamp and so its slice.
 */
public record TimeSplit(Dataset<Row> train, Dataset<Row> calibration, Dataset<Row> test) {
  public static TimeSplit of(Dataset<Row> examples, double calibrationShare, double testShare) {
    if (calibrationShare <= 0 || testShare <= 0 || calibrationShare + testShare >= 1) {
      throw new IllegalArgumentException(
          "calibration and test shares must be positive and leave lines to train on, not "
              + calibrationShare
              + " and "
              + testShare);
    }
    Column t = unix_timestamp(col("ordered_at"));
    double[] cut =
        examples
            .select(t.as("t"))
            .stat()
            .approxQuantile("t", new double[] {1 - calibrationShare - testShare, 1 - testShare}, 0);
    if (cut.length < 2) {
      throw new IllegalStateException("no labelled lines to split");
    }
    return new TimeSplit(
        examples.where(t.lt(cut[0])),
        examples.where(t.geq(cut[0]).and(t.lt(cut[1]))),
        examples.where(t.geq(cut[1])));
  }
}
