package io.cxlake.models.kpi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The order KPIs: orders, revenue, units sold and returned, buyers and who bought again. */
final class OrderKpis {
  private OrderKpis() {}

  /**
   * orders, revenue, units_sold and units_returned per key, for the orders dated in [from, to] on
   * their order's channel. Revenue and units are the order lines' (Σ unit_price × quantity, Σ
   * quantity); units returned are Σ returns.quantity of the returns of those orders dated by {@code
   * to}, matched on order_id (a return without line_no still counts).
   */
  static Dataset<Row> orders(
      Dataset<Row> orders,
      Dataset<Row> orderLines,
      Dataset<Row> returns,
      Dataset<Row> regions,
      LocalDate from,
      LocalDate to) {
    Dataset<Row> lines =
        orderLines
            .where(KpiKeys.between("order_date", from, to))
            .groupBy(col("order_id").as("l_order_id"))
            .agg(
                sum(KpiKeys.cents(col("unit_price").multiply(col("quantity")))).as("order_revenue"),
                sum(col("quantity").cast("long")).as("order_units"));
    Dataset<Row> returned =
        returns
            .where(col("return_date").leq(lit(Date.valueOf(to))))
            .groupBy(col("order_id").as("r_order_id"))
            .agg(sum(col("quantity").cast("long")).as("order_units_returned"));
    Dataset<Row> day = dayOrders(orders, regions, from, to);
    return day.join(lines, day.col("order_id").equalTo(lines.col("l_order_id")), "left")
        .join(returned, day.col("order_id").equalTo(returned.col("r_order_id")), "left")
        .groupBy(KpiKeys.key())
        .agg(
            count(lit(1)).as("orders"),
            coalesce(sum("order_revenue"), lit(0.0)).as("revenue"),
            coalesce(sum("order_units"), lit(0L)).as("units_sold"),
            coalesce(sum("order_units_returned"), lit(0L)).as("units_returned"));
  }

  /**
   * buyers, repeat_30d_buyers and repeat_90d_buyers per key: the distinct users who ordered that
   * day on that channel, and how many of them ordered again (any channel) on one of the 30 or 90
   * following days. Orders are visible through {@code to}; {@link KpiCounts} nulls the rate of a
   * window not closed by then. Reading the orders of [from, to] misses no later order of a date in
   * that range.
   */
  static Dataset<Row> buyers(
      Dataset<Row> orders, Dataset<Row> regions, LocalDate from, LocalDate to) {
    Dataset<Row> day = dayOrders(orders, regions, from, to);
    Dataset<Row> buyDays =
        day.select(col("user_id").as("b_user_id"), col("date").as("b_date"))
            .distinct()
            .withColumn(
                "next_order_date",
                lead(col("b_date"), 1).over(Window.partitionBy("b_user_id").orderBy("b_date")));
    Dataset<Row> keyedBuyers = day.select("date", "region", "channel", "user_id").distinct();
    Column gap = datediff(col("next_order_date"), col("date"));
    return keyedBuyers
        .join(
            buyDays,
            keyedBuyers
                .col("user_id")
                .equalTo(buyDays.col("b_user_id"))
                .and(keyedBuyers.col("date").equalTo(buyDays.col("b_date"))),
            "left")
        .groupBy(KpiKeys.key())
        .agg(
            count(lit(1)).as("buyers"),
            sum(when(gap.leq(30), 1L).otherwise(0L)).as("repeat_30d_buyers"),
            sum(when(gap.leq(90), 1L).otherwise(0L)).as("repeat_90d_buyers"));
  }

  private static Dataset<Row> dayOrders(
      Dataset<Row> orders, Dataset<Row> regions, LocalDate from, LocalDate to) {
    return KpiKeys.keyed(
        orders
            .where(KpiKeys.between("order_date", from, to))
            .select("order_id", "user_id", "channel", "order_date"),
        "order_date",
        regions);
  }
}
