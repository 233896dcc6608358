package io.cxlake.models.kpi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The support KPIs from tickets: how many, how many the bot resolved, how fast. */
final class SupportKpis {
  private SupportKpis() {}

  /**
   * tickets, bot_resolved and median_resolution_hours per key, for the tickets created in [from,
   * to], on the ticket's own channel (chat, email...): the shop's channels do not apply to a
   * support contact. bot_resolved counts resolved_by = 'bot' (any case); the median is over the
   * resolved tickets' resolved_at − created_at, in hours.
   */
  static Dataset<Row> tickets(
      Dataset<Row> tickets, Dataset<Row> regions, LocalDate from, LocalDate to) {
    return KpiKeys.keyed(
            tickets.where(KpiKeys.between("ticket_date", from, to)), "ticket_date", regions)
        .withColumn(
            "resolution_hours",
            expr("(unix_micros(resolved_at) - unix_micros(created_at)) / 3.6e9"))
        .groupBy(KpiKeys.key())
        .agg(
            count(lit(1)).as("tickets"),
            sum(when(lower(col("resolved_by")).equalTo("bot"), 1L).otherwise(0L))
                .as("bot_resolved"),
            expr("percentile(resolution_hours, 0.5)").as("median_resolution_hours"));
  }
}
