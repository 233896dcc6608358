package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Ranking metrics of recommendation lists against held-out interactions, computed where the data is
 * (one pass of joins and sums, no per-user lists on the driver). Per user with at least one
 * relevant item: precision = hits / k; recall = hits / relevant; nDCG = Σ hit / log2(rank + 1) over
 * the ideal Σ_{i ≤ min(relevant, k)} 1 / log2(i + 1); AP = Σ over hits of precision at the hit's
 * rank, over min(relevant, k). A user with no list scores 0. Coverage: distinct items recommended
 * to the evaluated users over the eligible catalog's size.
 */
public final class HoldoutMetrics {
  private HoldoutMetrics() {}

  /**
   * @param recs {@code user_id, rank, item_id}
   * @param relevant {@code user_id, item_id}
   * @param evaluated the users to average over ({@code user_id}); those without relevant items are
   *     dropped
   */
  public static LayerMetrics of(
      String layer,
      Dataset<Row> recs,
      Dataset<Row> relevant,
      Dataset<Row> evaluated,
      int k,
      long catalogSize) {
    return of(Map.of(layer, recs), relevant, evaluated, k, catalogSize).get(0);
  }

  /** As above for several lists at once, in one pass; the result in the order of {@code lists}. */
  public static List<LayerMetrics> of(
      Map<String, Dataset<Row>> lists,
      Dataset<Row> relevant,
      Dataset<Row> evaluated,
      int k,
      long catalogSize) {
    Dataset<Row> rel =
        relevant
            .select("user_id", "item_id")
            .distinct()
            .join(evaluated.select("user_id").distinct(), "user_id", "left_semi");
    Dataset<Row> counts = rel.groupBy("user_id").agg(count(lit(1)).as("n_rel"));
    Dataset<Row> top = null;
    for (Map.Entry<String, Dataset<Row>> e : lists.entrySet()) {
      Dataset<Row> one =
          e.getValue()
              .where(col("rank").leq(k))
              .select(lit(e.getKey()).as("_list"), col("user_id"), col("rank"), col("item_id"));
      top = top == null ? one : top.unionByName(one);
    }
    Dataset<Row> evaluatedTop = top.join(counts.select("user_id"), "user_id", "left_semi");
    Dataset<Row> flagged =
        evaluatedTop
            .join(rel.withColumn("hit", lit(1.0)), new String[] {"user_id", "item_id"}, "left")
            .withColumn("hit", coalesce(col("hit"), lit(0.0)))
            .withColumn(
                "cum",
                sum("hit")
                    .over(
                        Window.partitionBy("_list", "user_id")
                            .orderBy("rank")
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Dataset<Row> perUser =
        flagged
            .groupBy("_list", "user_id")
            .agg(
                sum("hit").as("hits"),
                sum(col("hit").divide(log2(col("rank").plus(1)))).as("dcg"),
                sum(col("hit").multiply(col("cum")).divide(col("rank"))).as("ap"));
    Dataset<Row> names =
        evaluated
            .sparkSession()
            .createDataset(new ArrayList<>(lists.keySet()), Encoders.STRING())
            .toDF("_list");
    Column cap = least(col("n_rel"), lit(k));
    Dataset<Row> joined =
        names
            .crossJoin(counts)
            .join(perUser, new String[] {"_list", "user_id"}, "left")
            .na()
            .fill(0.0, new String[] {"hits", "dcg", "ap"});
    Map<String, Row> m = new HashMap<>();
    for (Row r :
        joined
            .groupBy("_list")
            .agg(
                mean(col("hits").divide(k)).as("p"),
                mean(col("hits").divide(col("n_rel"))).as("r"),
                mean(col("dcg").divide(element_at(idealDcg(k), cap.cast("int")))).as("ndcg"),
                mean(col("ap").divide(cap)).as("map"),
                count(lit(1)).as("users"))
            .collectAsList()) {
      m.put(r.getString(0), r);
    }
    Map<String, Long> covered = new HashMap<>();
    for (Row r :
        evaluatedTop.groupBy("_list").agg(countDistinct("item_id").as("n")).collectAsList()) {
      covered.put(r.getString(0), r.getLong(1));
    }
    List<LayerMetrics> out = new ArrayList<>();
    for (String name : lists.keySet()) {
      Row r = m.get(name);
      long users = r == null ? 0 : r.getLong(5);
      out.add(
          new LayerMetrics(
              name,
              k,
              users == 0 ? 0 : r.getDouble(1),
              users == 0 ? 0 : r.getDouble(2),
              users == 0 ? 0 : r.getDouble(3),
              users == 0 ? 0 : r.getDouble(4),
              catalogSize == 0 ? 0 : (double) covered.getOrDefault(name, 0L) / catalogSize,
              users));
    }
    return out;
  }

  /** [IDCG@1, ..., IDCG@k] as an array column: the ideal DCG with i relevant items. */
  static Column idealDcg(int k) {
    Column[] v = new Column[k];
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += 1 / (Math.log(i + 1) / Math.log(2));
      v[i - 1] = lit(s);
    }
    return org.apache.spark.sql.functions.array(v);
  }
}
