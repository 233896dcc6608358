package io.cxlake.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One day of kpi_daily summed over every region and channel. Rates are recomputed from the summed
 * counts (a rate of rates would weigh a small region like a large one); a repeat rate is weighted
 * by its buyers, over the rows whose window has closed. Medians cannot be summed and are left out.
 */
record KpiRollup(
    LocalDate date,
    long visitors,
    long orders,
    double revenue,
    long unitsSold,
    long unitsReturned,
    long recImpressions,
    long recClicks,
    double recAttributedRevenue,
    long tickets,
    long botResolved,
    double repeat30Buyers,
    long repeat30Base) {

  /** The per-date sums, one row per date (a handful of rows per day of kpi_daily). */
  static Dataset<Row> sums(Dataset<Row> kpiDaily) {
    Column closed = col("repeat_30d_rate").isNotNull();
    return kpiDaily
        .groupBy("date")
        .agg(
            sum("visitors").as("visitors"),
            sum("orders").as("orders"),
            sum("revenue").as("revenue"),
            sum("units_sold").as("units_sold"),
            sum("units_returned").as("units_returned"),
            sum("rec_impressions").as("rec_impressions"),
            sum("rec_clicks").as("rec_clicks"),
            sum("rec_attributed_revenue").as("rec_attributed_revenue"),
            sum("tickets").as("tickets"),
            sum("bot_resolved").as("bot_resolved"),
            sum(col("repeat_30d_rate").multiply(col("buyers"))).as("repeat30_buyers"),
            sum(when(closed, col("buyers"))).as("repeat30_base"))
        .orderBy("date");
  }

  static KpiRollup of(Row r) {
    return new KpiRollup(
        r.getDate(r.fieldIndex("date")).toLocalDate(),
        orZero(Fetched.lng(r, "visitors")),
        orZero(Fetched.lng(r, "orders")),
        orZero(Fetched.dbl(r, "revenue")),
        orZero(Fetched.lng(r, "units_sold")),
        orZero(Fetched.lng(r, "units_returned")),
        orZero(Fetched.lng(r, "rec_impressions")),
        orZero(Fetched.lng(r, "rec_clicks")),
        orZero(Fetched.dbl(r, "rec_attributed_revenue")),
        orZero(Fetched.lng(r, "tickets")),
        orZero(Fetched.lng(r, "bot_resolved")),
        orZero(Fetched.dbl(r, "repeat30_buyers")),
        orZero(Fetched.lng(r, "repeat30_base")));
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  private static Double ratio(double num, double den) {
    return den == 0 ? null : num / den;
  }

  /** Orders per visitor. */
  Double conversionRate() {
    return ratio(orders, visitors);
  }

  Double avgOrderValue() {
    return ratio(revenue, orders);
  }

  Double revenuePerVisitor() {
    return ratio(revenue, visitors);
  }

  /** Units returned per unit sold. */
  Double returnRate() {
    return ratio(unitsReturned, unitsSold);
  }

  Double recCtr() {
    return ratio(recClicks, recImpressions);
  }

  Double botContainmentRate() {
    return ratio(botResolved, tickets);
  }

  /** Null until some row's 30-day window has closed. */
  Double repeat30Rate() {
    return ratio(repeat30Buyers, repeat30Base);
  }
}
