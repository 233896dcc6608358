package io.cxlake.models.kpi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of {@code kpi_daily} for the dates a run recomputes ({@link KpiWindow}), from the lake
 * tables; no paths, no writes. Each source is aggregated per (date, region, channel) by its own
 * part ({@link TrafficKpis}, {@link OrderKpis}, {@link SupportKpis}); the parts are stacked and
 * summed per key in one groupBy, so a key any part saw gets a row, zeros where another part saw
 * nothing. The few summed rows (dates × regions × channels) go to the driver, which derives the
 * rates ({@link KpiCounts}).
 */
public final class Kpis {
  /** The counts the parts produce, summed per key; a key a part did not see gets 0. */
  static final List<String> COUNTS =
      List.of(
          "visitors",
          "sessions",
          "orders",
          "revenue",
          "buyers",
          "repeat_30d_buyers",
          "repeat_90d_buyers",
          "units_sold",
          "units_returned",
          "rec_impressions",
          "rec_clicks",
          "rec_attributed_revenue",
          "tickets",
          "bot_resolved");

  /** Each median comes from one part only; null when it saw nothing to take a median of. */
  static final List<String> MEDIANS =
      List.of("median_resolution_hours", "median_seconds_to_first_action");

  private Kpis() {}

  /** The lake tables the KPIs are computed from, as read (unfiltered). */
  public record Inputs(
      Dataset<Row> events,
      Dataset<Row> orders,
      Dataset<Row> orderLines,
      Dataset<Row> returns,
      Dataset<Row> customers,
      Dataset<Row> tickets) {}

  /** The kpi_daily rows of every date in the window that has any activity, as of its run date. */
  public static Dataset<Row> compute(SparkSession spark, Inputs in, KpiWindow w) {
    List<Row> rows = new ArrayList<>();
    for (KpiCounts c : counts(in, w)) {
      rows.add(c.toRow(w));
    }
    return spark.createDataFrame(rows, KpiTable.KPI_DAILY.schema());
  }

  /** The summed counts per key, collected to the driver. */
  static List<KpiCounts> counts(Inputs in, KpiWindow w) {
    LocalDate from = w.first();
    LocalDate to = w.last();
    Dataset<Row> regions = KpiKeys.regions(in.customers());
    List<Dataset<Row>> parts =
        List.of(
            TrafficKpis.visits(in.events(), regions, from, to),
            TrafficKpis.sessions(in.events(), regions, from, to),
            TrafficKpis.attributed(in.events(), regions, from, to),
            OrderKpis.orders(in.orders(), in.orderLines(), in.returns(), regions, from, to),
            OrderKpis.buyers(in.orders(), regions, from, to),
            SupportKpis.tickets(in.tickets(), regions, from, to));
    Dataset<Row> stacked = parts.get(0);
    for (Dataset<Row> part : parts.subList(1, parts.size())) {
      stacked = stacked.unionByName(part, true);
    }
    List<Column> aggs = new ArrayList<>();
    for (String c : COUNTS) {
      aggs.add(coalesce(sum(c), lit(0)).as(c));
    }
    for (String m : MEDIANS) {
      aggs.add(max(m).as(m));
    }
    Dataset<Row> summed =
        stacked
            .groupBy(KpiKeys.key())
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    List<KpiCounts> out = new ArrayList<>();
    for (Row r : summed.collectAsList()) {
      out.add(
          new KpiCounts(
              r.<java.sql.Date>getAs("date").toLocalDate(),
              r.getAs("region"),
              r.getAs("channel"),
              asLong(r, "visitors"),
              asLong(r, "sessions"),
              asLong(r, "orders"),
              asDouble(r, "revenue"),
              asLong(r, "buyers"),
              asLong(r, "repeat_30d_buyers"),
              asLong(r, "repeat_90d_buyers"),
              asLong(r, "units_sold"),
              asLong(r, "units_returned"),
              asLong(r, "rec_impressions"),
              asLong(r, "rec_clicks"),
              asDouble(r, "rec_attributed_revenue"),
              asLong(r, "tickets"),
              asLong(r, "bot_resolved"),
              r.getAs("median_resolution_hours"),
              r.getAs("median_seconds_to_first_action")));
    }
    return out;
  }

  private static long asLong(Row r, String c) {
    return ((Number) r.getAs(c)).longValue();
  }

  private static double asDouble(Row r, String c) {
    return ((Number) r.getAs(c)).doubleValue();
  }
}
