package io.cxlake.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * What is known about an order line when it is ordered, from the order itself and the catalog. The
 * customer's history at that moment (past orders, return rate) is not here: {@link TrainingSet}
 * joins it point-in-time from {@code user_features}.
 */
public final class OrderLineFeatures {
  private OrderLineFeatures() {}

  /** Features of the given lines; every line of an order must be among them. */
  public static Dataset<Row> of(Dataset<Row> lines, Dataset<Row> orders, Dataset<Row> items) {
    WindowSpec order = Window.partitionBy("order_id");
    WindowSpec sameItem = Window.partitionBy("order_id", "item_id");
    Dataset<Row> o = orders.select("order_id", "channel", "device");
    Dataset<Row> i = items.select("item_id", "category", "size_sensitive");
    return lines
        .join(o, "order_id", "left")
        .join(i, "item_id", "left")
        .select(
            col("order_id"),
            col("line_no"),
            col("user_id"),
            col("item_id"),
            col("ordered_at"),
            col("quantity"),
            col("unit_price"),
            col("list_price"),
            when(
                    col("list_price").gt(0),
                    greatest(lit(0.0), lit(1.0).minus(col("unit_price").divide(col("list_price")))))
                .otherwise(lit(0.0))
                .as("discount_depth"),
            col("category"),
            col("size_sensitive"),
            size(collect_set(coalesce(col("variant"), lit(""))).over(sameItem))
                .as("variants_in_order"),
            count(lit(1)).over(order).cast("int").as("basket_lines"),
            sum("quantity").over(order).cast("int").as("basket_units"),
            col("channel"),
            col("device"),
            col("order_date"));
  }
}
