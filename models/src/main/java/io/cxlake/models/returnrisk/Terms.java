package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The model's inputs, computed from {@code TrainingSet}'s return-risk columns. Each term has a
 * value (null when it cannot be computed: the line then scores as an average line on that term,
 * with a reason code saying so) and the sentence a support agent reads when it raises a score.
 */
final class Terms {
  /**
   * Prior strength, in items, of the customer's smoothed past return rate, and of the shares of
   * their past items that explain returns.
   */
  static final double HISTORY_PRIOR_ITEMS = 8;

  private Terms() {}

  /** A numeric term: its value and the reason text shown when it pushes the score up. */
  record Numeric(String name, Column value, Column reason) {}

  /** A categorical term: one indicator per level seen often enough in training. */
  record Categorical(String name, Column value) {}

  static List<Numeric> numeric(double baseRate) {
    Column items = coalesce(col("customer_items_bought").cast("double"), lit(0.0));
    Column returned = coalesce(col("customer_return_rate"), lit(0.0)).multiply(items);
    Column smoothed =
        returned
            .plus(lit(HISTORY_PRIOR_ITEMS * baseRate))
            .divide(items.plus(lit(HISTORY_PRIOR_ITEMS)));
    return List.of(
        new Numeric(
            "several_sizes",
            when(col("variants_in_order").isNull(), lit(null).cast("double"))
                .when(col("variants_in_order").gt(1), lit(1.0))
                .otherwise(lit(0.0)),
            format_string("%d sizes of the same item in one order", col("variants_in_order"))),
        new Numeric(
            "size_sensitive",
            col("size_sensitive").cast("double"),
            lit("a size-sensitive item (fit decides whether it is kept)")),
        new Numeric(
            "discount_depth",
            col("discount_depth").cast("double"),
            format_string("bought at %.0f%% off", col("discount_depth").multiply(100))),
        new Numeric(
            "price",
            when(col("unit_price").gt(0), log(col("unit_price").divide(50.0))),
            format_string("a high price (%.2f)", col("unit_price"))),
        new Numeric(
            "quantity",
            when(col("quantity").gt(0), log(col("quantity").cast("double"))),
            format_string("a large quantity (%d)", col("quantity"))),
        new Numeric(
            "basket_size",
            when(col("basket_lines").gt(0), log(col("basket_lines").cast("double"))),
            format_string("a large basket (%d lines)", col("basket_lines"))),
        new Numeric(
            "customer_return_rate",
            log(smoothed.divide(lit(1.0).minus(smoothed))),
            when(items.equalTo(0), lit("a first-time customer (no return history yet)"))
                .otherwise(
                    format_string(
                        "the customer returned %.0f%% of %d past items",
                        coalesce(col("customer_return_rate"), lit(0.0)).multiply(100),
                        items.cast("long")))),
        // The customer's return rate says more about them the fewer of their returns their items
        // explain: these shares (shrunk like the rate) let the fit discount returns of
        // size-sensitive items and several-sizes orders, which every customer returns more.
        mix(
            "customer_size_sensitive_items",
            "customer_past_size_sensitive_items",
            "%d of the customer's %d past items were size-sensitive"),
        mix(
            "customer_several_sizes_items",
            "customer_past_several_sizes_items",
            "%d of the customer's %d past items were bought in several sizes"),
        new Numeric(
            "customer_history",
            log1p(items),
            format_string("a customer with %d past items", items.cast("long"))),
        new Numeric(
            "recent_return",
            coalesce(exp(col("days_since_prev_return").cast("double").divide(-30.0)), lit(0.0)),
            format_string(
                "the customer returned something %d days ago", col("days_since_prev_return"))));
  }

  /** Past items of a kind as a share of the customer's past items, shrunk towards 0. */
  private static Numeric mix(String name, String column, String reason) {
    Column past = col("customer_past_items").cast("double");
    return new Numeric(
        name,
        col(column).cast("double").divide(past.plus(lit(HISTORY_PRIOR_ITEMS))),
        format_string(reason, col(column), col("customer_past_items")));
  }

  static List<Categorical> categorical() {
    return List.of(
        new Categorical("category", col("category")),
        new Categorical("channel", col("channel")),
        new Categorical("device", col("device")));
  }
}
