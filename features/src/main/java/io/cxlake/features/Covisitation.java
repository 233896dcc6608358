package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Session co-visitation: how many sessions held both items (a session's rows of one visible day),
 * and in how many the item was viewed and the other bought later. Counted per day, summed over a
 * trailing window, pruned to the top N per item.
 */
public final class Covisitation {
  private Covisitation() {}

  /** Per visible day and item pair, the session counts of the given events. */
  public static Dataset<Row> daily(Dataset<Row> events) {
    Dataset<Row> e =
        events
            .where(Weights.weighted())
            .select(
                col("session_id"),
                col(Visibility.DAY).as("day"),
                col("item_id"),
                col("event_type"),
                col("ts"));
    Dataset<Row> items = e.select("session_id", "day", "item_id").distinct();
    Dataset<Row> a = items.as("a");
    Dataset<Row> b = items.withColumnRenamed("item_id", "other_item_id").as("b");
    Dataset<Row> pairs =
        a.join(b, new String[] {"session_id", "day"})
            .where(col("item_id").notEqual(col("other_item_id")))
            .groupBy("day", "item_id", "other_item_id")
            .agg(countDistinct("session_id").as("sessions"));
    Dataset<Row> views =
        e.where(col("event_type").equalTo(Weights.VIEW))
            .select("session_id", "day", "item_id", "ts");
    Dataset<Row> buys =
        e.where(col("event_type").equalTo(Weights.PURCHASE))
            .select(
                col("session_id"),
                col("day"),
                col("item_id").as("other_item_id"),
                col("ts").as("bought_ts"));
    Dataset<Row> viewThenBuy =
        views
            .join(buys, new String[] {"session_id", "day"})
            .where(
                col("item_id").notEqual(col("other_item_id")).and(col("bought_ts").gt(col("ts"))))
            .groupBy("day", "item_id", "other_item_id")
            .agg(countDistinct("session_id").as("view_then_buy"));
    return pairs
        .join(viewThenBuy, new String[] {"day", "item_id", "other_item_id"}, "left")
        .na()
        .fill(0L, new String[] {"view_then_buy"})
        .select("day", "item_id", "other_item_id", "sessions", "view_then_buy");
  }

  /** The top N pairs per item over the {@code windowDays} days before A. */
  public static Dataset<Row> snapshot(
      Dataset<Row> daily, int windowDays, int topN, LocalDate asOf) {
    return daily
        .where(col("day").geq(date_sub(lit(asOf), windowDays)).and(col("day").lt(lit(asOf))))
        .groupBy("item_id", "other_item_id")
        .agg(sum("sessions").as("sessions"), sum("view_then_buy").as("view_then_buy"))
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("item_id")
                        .orderBy(
                            col("sessions").desc(),
                            col("view_then_buy").desc(),
                            col("other_item_id"))))
        .where(col("rank").leq(topN))
        .withColumn("as_of", lit(asOf))
        .select("as_of", "item_id", "rank", "other_item_id", "sessions", "view_then_buy");
  }
}
