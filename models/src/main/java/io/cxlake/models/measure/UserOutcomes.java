package io.cxlake.models.measure;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per (automation, assigned user): the cohort and, for every {@link Metric#perUser()}
 * metric, the outcome in the user's window ({@code y_*}) and in the automation's pre-period ({@code
 * x_*}). Users with no activity get zeros, never a missing row: dropping them would overstate every
 * mean. Pure: Datasets in, a Dataset out.
 */
public final class UserOutcomes {
  static final String TREATMENT = "treatment";
  static final String HOLDOUT = "holdout";

  private UserOutcomes() {}

  /**
   * @param windows one row per automation: {@code automation, window_start, window_end, pre_start,
   *     pre_end, window_days, pre_days} (see {@link AnalysisWindow})
   */
  public static Dataset<Row> of(
      Dataset<Row> assignments,
      Dataset<Row> windows,
      Dataset<Row> orderLines,
      Dataset<Row> returns,
      Dataset<Row> tickets) {
    Dataset<Row> assigned =
        assignments
            .where(col("cohort").isin(TREATMENT, HOLDOUT))
            .select(
                col("automation"),
                col("user_id"),
                col("cohort"),
                to_date(col("assigned_at")).as("assign_date"))
            .join(windows, "automation")
            // Users assigned after the run date are not in this measurement.
            .where(col("assign_date").leq(col("window_end")))
            .withColumn("from_date", greatest(col("assign_date"), col("window_start")));
    Dataset<Row> f = facts(orderLines, returns, tickets);
    Column inWindow = f.col("date").between(col("from_date"), col("window_end"));
    Column inPre = f.col("date").between(col("pre_start"), col("pre_end"));
    Dataset<Row> joined =
        assigned
            .as("a")
            .join(
                f.as("f"),
                col("a.user_id").equalTo(col("f.user_id")).and(inWindow.or(inPre)),
                "left");
    List<Column> aggs = new ArrayList<>();
    for (String v : FACTS) {
      aggs.add(sum(when(inWindow, col("f." + v)).otherwise(0.0)).as("y_" + v));
      aggs.add(sum(when(inPre, col("f." + v)).otherwise(0.0)).as("x_" + v));
    }
    Dataset<Row> sums =
        joined
            .groupBy(
                col("a.automation"),
                col("a.user_id"),
                col("a.cohort"),
                col("a.from_date"),
                col("a.window_start"),
                col("a.window_days"),
                col("a.pre_days"))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    List<Column> out = new ArrayList<>();
    for (String c : List.of("automation", "user_id", "cohort", "window_days", "pre_days")) {
      out.add(col(c));
    }
    // Exposed over the whole window: the users the naive before/after compares.
    out.add(col("from_date").equalTo(col("window_start")).as("full_window"));
    for (String p : List.of("y_", "x_")) {
      out.add(when(col(p + "orders").gt(0), 1.0).otherwise(0.0).as(p + "conversion"));
      out.add(col(p + "revenue").as(p + "revenue_per_user"));
      out.add(col(p + "orders").as(p + "orders_per_user"));
      out.add(col(p + "items_returned").as(p + "items_returned"));
      out.add(col(p + "revenue").minus(col(p + "refunds")).as(p + "net_revenue_per_user"));
      out.add(col(p + "tickets").as(p + "support_tickets"));
      out.add(col(p + "minutes").as(p + "resolution_minutes"));
      out.add(col(p + "agent_minutes").as(p + "agent_minutes"));
    }
    return sums.select(out.toArray(Column[]::new));
  }

  private static final List<String> FACTS =
      List.of(
          "revenue", "orders", "items_returned", "refunds", "tickets", "minutes", "agent_minutes");

  /**
   * Dated facts per user, one row per order, return or ticket, every fact column filled (0 where
   * the row is of another kind) so the sums above never meet a null.
   */
  static Dataset<Row> facts(Dataset<Row> orderLines, Dataset<Row> returns, Dataset<Row> tickets) {
    Dataset<Row> orders =
        orderLines
            .groupBy(col("user_id"), col("order_id"), col("order_date").as("date"))
            .agg(sum(col("unit_price").multiply(col("quantity"))).as("revenue"))
            .select(col("user_id"), col("date"), col("revenue"), lit(1.0).as("orders"));
    Dataset<Row> ret =
        returns.select(
            col("user_id"),
            col("return_date").as("date"),
            col("quantity").as("items_returned"),
            col("refund_amount").as("refunds"));
    // Time to resolution: the recorded handling minutes, else resolved_at − created_at.
    Column minutes =
        coalesce(
            col("handle_minutes"),
            expr("(unix_seconds(resolved_at) - unix_seconds(created_at)) / 60.0"),
            lit(0.0));
    Dataset<Row> tix =
        tickets.select(
            col("user_id"),
            col("ticket_date").as("date"),
            lit(1.0).as("tickets"),
            minutes.as("minutes"),
            when(col("resolved_by").equalTo("agent"), minutes).otherwise(0.0).as("agent_minutes"));
    Dataset<Row> all = orders.unionByName(ret, true).unionByName(tix, true).select(filled());
    return all;
  }

  private static Column[] filled() {
    List<Column> c = new ArrayList<>(List.of(col("user_id"), col("date")));
    for (String v : FACTS) {
      c.add(coalesce(col(v).cast("double"), lit(0.0)).as(v));
    }
    return c.toArray(Column[]::new);
  }
}
