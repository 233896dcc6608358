package io.cxlake.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Item features over trailing windows, summed from per-day counts ({@code item_daily}): the nightly
 * run adds one day's counts, and each snapshot sums at most {@link #LONGEST} days of a small table.
 */
public final class ItemFeatures {
  static final List<Integer> WINDOWS = List.of(7, 30, 90);
  static final int LONGEST = 90;
  private static final List<String> KINDS = List.of("views", "carts", "purchases");

  private ItemFeatures() {}

  /** Per item and visible day: event counts, units sold and units returned. */
  public static Dataset<Row> daily(Inputs in) {
    Dataset<Row> events =
        in.events()
            .where(col("item_id").isNotNull())
            .select(
                col("item_id"),
                col(Visibility.DAY).as("day"),
                Weights.is(Weights.VIEW).as("views"),
                Weights.is(Weights.CART).as("carts"),
                Weights.is(Weights.PURCHASE).as("purchases"));
    Dataset<Row> sold =
        in.orderLines()
            .select(
                col("item_id"),
                col(Visibility.DAY).as("day"),
                col("quantity").cast("long").as("units_sold"));
    Dataset<Row> returned =
        in.returns()
            .select(
                col("item_id"),
                col(Visibility.DAY).as("day"),
                col("quantity").cast("long").as("units_returned"));
    List<Column> aggs = new ArrayList<>();
    for (String c : List.of("views", "carts", "purchases", "units_sold", "units_returned")) {
      aggs.add(coalesce(sum(c), lit(0L)).as(c));
    }
    return events
        .unionByName(sold, true)
        .unionByName(returned, true)
        .groupBy("day", "item_id")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  /** The snapshot as of A from the daily counts of the days before A (only those are read). */
  public static Dataset<Row> snapshot(Dataset<Row> daily, Dataset<Row> items, LocalDate asOf) {
    Column a = lit(asOf);
    List<Column> aggs = new ArrayList<>();
    for (String k : KINDS) {
      for (int w : WINDOWS) {
        aggs.add(windowSum(k, a, w).as(k + "_" + w + "d"));
      }
    }
    aggs.add(windowSum("units_sold", a, LONGEST).as("units_sold_90d"));
    aggs.add(windowSum("units_returned", a, LONGEST).as("units_returned_90d"));
    Dataset<Row> sums =
        daily
            .where(col("day").geq(date_sub(a, LONGEST)).and(col("day").lt(a)))
            .groupBy("item_id")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    Dataset<Row> catalog =
        items.withColumn(
            "price_band",
            ntile(5).over(Window.partitionBy("category").orderBy("list_price", "item_id")));
    Dataset<Row> j = catalog.join(sums, "item_id", "left");
    List<Column> out = new ArrayList<>();
    out.add(a.as("as_of"));
    for (String c : List.of("item_id", "category", "list_price", "price_band", "in_stock")) {
      out.add(col(c));
    }
    for (String k : KINDS) {
      for (int w : WINDOWS) {
        out.add(coalesce(col(k + "_" + w + "d"), lit(0L)).as(k + "_" + w + "d"));
      }
    }
    out.add(
        when(col("views_30d").gt(0), col("purchases_30d").cast("double").divide(col("views_30d")))
            .as("conversion_30d"));
    out.add(coalesce(col("units_sold_90d"), lit(0L)).as("units_sold_90d"));
    out.add(coalesce(col("units_returned_90d"), lit(0L)).as("units_returned_90d"));
    out.add(
        when(
                col("units_sold_90d").gt(0),
                col("units_returned_90d").cast("double").divide(col("units_sold_90d")))
            .as("return_rate_90d"));
    return j.select(out.toArray(Column[]::new));
  }

  private static Column windowSum(String c, Column asOf, int days) {
    return sum(when(col("day").geq(date_sub(asOf, days)), col(c)).otherwise(lit(0L)));
  }
}
