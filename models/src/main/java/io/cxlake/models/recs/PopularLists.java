package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.cxlake.lake.config.CxConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The popular list per region: what a user without consent, history or a known region is shown, and
 * the baseline every personalised layer must beat. An item's score in region r is 0.8 × its share
 * of the region's interaction strength + 0.2 × its share of everyone's, so a small region's list
 * still fills up; the {@code default} region's list (unknown regions) is the global one.
 */
public final class PopularLists {
  static final double REGIONAL = 0.8;

  private PopularLists() {}

  /**
   * Columns {@code region, rank, item_id, score}: the best {@code n} eligible items per region of
   * {@code users} ({@code user_id, region}) and for {@code default}.
   */
  public static Dataset<Row> of(
      Dataset<Row> interactions, Dataset<Row> users, Dataset<Row> eligible, int n) {
    Dataset<Row> e = interactions.join(eligible, "item_id", "left_semi");
    Dataset<Row> global =
        e.groupBy("item_id")
            .agg(sum("strength").as("g"))
            .withColumn("g", col("g").divide(sum("g").over(Window.partitionBy())));
    Dataset<Row> regional =
        e.join(users.select("user_id", "region"), "user_id")
            .groupBy("region", "item_id")
            .agg(sum("strength").as("r"))
            .withColumn("r", col("r").divide(sum("r").over(Window.partitionBy("region"))));
    Dataset<Row> regions =
        users
            .select("region")
            .where(col("region").isNotNull().and(col("region").notEqual(CxConfig.DEFAULT_REGION)))
            .distinct();
    Dataset<Row> perRegion =
        regions
            .crossJoin(global)
            .join(regional, new String[] {"region", "item_id"}, "left")
            .select(
                col("region"),
                col("item_id"),
                lit(REGIONAL)
                    .multiply(coalesce(col("r"), lit(0.0)))
                    .plus(lit(1 - REGIONAL).multiply(col("g")))
                    .as("score"));
    Dataset<Row> fallback =
        global.select(
            lit(CxConfig.DEFAULT_REGION).as("region"), col("item_id"), col("g").as("score"));
    return TopN.of(perRegion.unionByName(fallback), "region", "item_id", n)
        .select("region", "rank", "item_id", "score");
  }
}
