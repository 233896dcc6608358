package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Train / held-out splits of interaction rows, by a spec {@code time:R}, {@code random-by-user:R}
 * or {@code random-by-item:R} (R in (0, 1), the training share).
 *
 * <ul>
 *   <li>time: rows before the R-quantile of the time column train, the rest are held out;
 *   <li>random-by-user / random-by-item: each user's (item's) rows shuffled with the seed, the
 *       first round(R · n) train — the stratified split of the Microsoft Recommenders benchmark
 *       (its {@code filter_by} user / item).
 * </ul>
 */
public final class Splits {
  /** The two parts. */
  public record Split(Dataset<Row> train, Dataset<Row> test) {}

  /** A parsed spec. */
  public record Spec(String kind, double ratio) {
    public static final String TIME = "time";
    public static final String BY_USER = "random-by-user";
    public static final String BY_ITEM = "random-by-item";

    /** Parses {@code kind:ratio}; the message names the bad part. */
    public static Spec parse(String text) {
      String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "bad split '" + text + "': expected time:R, random-by-user:R or random-by-item:R");
      }
      String kind = parts[0].toLowerCase(Locale.ROOT);
      if (!kind.equals(TIME) && !kind.equals(BY_USER) && !kind.equals(BY_ITEM)) {
        throw new IllegalArgumentException(
            "bad split '"
                + text
                + "': unknown kind '"
                + parts[0]
                + "' (time, random-by-user, random-by-item)");
      }
      double r;
      try {
        r = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "bad split '" + text + "': ratio '" + parts[1] + "' is not a number");
      }
      if (!(r > 0 && r < 1)) {
        throw new IllegalArgumentException(
            "bad split '" + text + "': ratio must be strictly between 0 and 1, got " + parts[1]);
      }
      return new Spec(kind, r);
    }
  }

  private Splits() {}

  /** Splits rows with {@code user_id}, {@code item_id} (and {@code tsCol} for a time split). */
  public static Split split(Dataset<Row> rows, Spec spec, String tsCol, long seed) {
    return switch (spec.kind()) {
      case Spec.TIME -> byTime(rows, tsCol, spec.ratio());
      case Spec.BY_USER -> stratified(rows, "user_id", spec.ratio(), seed);
      default -> stratified(rows, "item_id", spec.ratio(), seed);
    };
  }

  /** Rows before the ratio-quantile of {@code tsCol} train; the rest are held out. */
  public static Split byTime(Dataset<Row> rows, String tsCol, double ratio) {
    if (tsCol == null) {
      throw new IllegalArgumentException("a time split needs a time column");
    }
    Dataset<Row> t = rows.withColumn("_t", col(tsCol).cast("timestamp").cast("double"));
    double cutoff = t.stat().approxQuantile("_t", new double[] {ratio}, 0.0)[0];
    return new Split(
        t.where(col("_t").lt(cutoff)).drop("_t"), t.where(col("_t").geq(cutoff)).drop("_t"));
  }

  /** Per group of {@code by}: round(ratio · n) random rows train, the rest are held out. */
  public static Split stratified(Dataset<Row> rows, String by, double ratio, long seed) {
    Dataset<Row> t =
        rows.withColumn("_r", rand(seed))
            .withColumn("_n", count(lit(1)).over(Window.partitionBy(by)))
            .withColumn(
                "_i",
                row_number()
                    .over(
                        Window.partitionBy(by).orderBy(col("_r"), col("user_id"), col("item_id"))))
            .withColumn("_train", col("_i").leq(round(col("_n").multiply(ratio))))
            .cache();
    return new Split(
        t.where(col("_train")).drop("_r", "_n", "_i", "_train"),
        t.where(col("_train").equalTo(false)).drop("_r", "_n", "_i", "_train"));
  }
}
