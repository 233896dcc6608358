package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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

  /**
   * Per visible day and item pair, the session counts of the given events. One shuffle, by session
   * and day; then, within each partition, a session's items with the first time each was viewed and
   * the last time each was bought, and every ordered pair of them: the other was bought after the
   * item was viewed exactly when its last purchase is later than the item's first view.
   */
  public static Dataset<Row> daily(Dataset<Row> events) {
    Dataset<Row> items =
        events
            .where(Weights.weighted())
            .select(
                col("session_id"),
                col(Visibility.DAY).as("day"),
                col("item_id"),
                when(col("event_type").equalTo(Weights.VIEW), col("ts")).as("viewed"),
                when(col("event_type").equalTo(Weights.PURCHASE), col("ts")).as("bought"))
            .repartition(Inputs.partitions(events), col("session_id"), col("day"))
            .groupBy("session_id", "day", "item_id")
            .agg(min("viewed").as("first_viewed"), max("bought").as("last_bought"));
    Dataset<Row> sessions =
        items
            .groupBy("session_id", "day")
            .agg(collect_list(struct("item_id", "first_viewed", "last_bought")).as("items"));
    return sessions
        .select(col("day"), col("items"), explode(col("items")).as("a"))
        .select(col("day"), col("a"), explode(col("items")).as("b"))
        .where(col("a.item_id").notEqual(col("b.item_id")))
        .select(
            col("day"),
            col("a.item_id").as("item_id"),
            col("b.item_id").as("other_item_id"),
            when(col("b.last_bought").gt(col("a.first_viewed")), lit(1L))
                .otherwise(lit(0L))
                .as("view_then_buy"))
        .groupBy("day", "item_id", "other_item_id")
        .agg(count(lit(1)).as("sessions"), sum("view_then_buy").as("view_then_buy"))
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
