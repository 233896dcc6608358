package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The similar_items lists: per item, its content neighbours (cosine over the item's best) and its
 * co-visited items (share of the item's co-visiting sessions over the best share), summed with
 * equal weight, eligible items only. A new item has content neighbours from the day it is listed;
 * co-visitation adds what shoppers actually look at together.
 */
public final class SimilarItems {
  private SimilarItems() {}

  /** Columns {@code item_id, rank, similar_item_id, score}, at most {@code n} per item. */
  public static Dataset<Row> of(
      Dataset<Row> content, Dataset<Row> covisitation, Dataset<Row> eligible, int n) {
    Dataset<Row> c =
        content
            .select("item_id", "similar_item_id", "score")
            .withColumn("a", col("score").divide(max("score").over(Window.partitionBy("item_id"))))
            .drop("score");
    Dataset<Row> v =
        covisitation
            .select(
                col("item_id"),
                col("other_item_id").as("similar_item_id"),
                col("sessions").plus(col("view_then_buy")).cast("double").as("s"))
            .withColumn("s", col("s").divide(sum("s").over(Window.partitionBy("item_id"))))
            .withColumn("b", col("s").divide(max("s").over(Window.partitionBy("item_id"))))
            .drop("s");
    Dataset<Row> both =
        c.join(v, new String[] {"item_id", "similar_item_id"}, "full_outer")
            .select(
                col("item_id"),
                col("similar_item_id"),
                coalesce(col("a"), lit(0.0)).plus(coalesce(col("b"), lit(0.0))).as("score"))
            .join(
                eligible.withColumnRenamed("item_id", "similar_item_id"),
                "similar_item_id",
                "left_semi");
    return TopN.of(both, "item_id", "similar_item_id", n)
        .select("item_id", "rank", "similar_item_id", "score");
  }
}
