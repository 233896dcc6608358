package io.cxlake.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;

import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One ingested day's data-quality metrics, kept in {@code quality_metrics} like Deequ's metrics
 * repository so that each day is judged against the days before it. Per landing source: {@code
 * row_count} (landing rows read), {@code quarantined_share}, {@code completeness.<field>} (1 −
 * share of rows quarantined because the field was missing); per lake table, {@code key_uniqueness}
 * of the rows the day wrote; for events, {@code freshness_days} (run date − newest event date); for
 * {@code all} sources, the day's totals. Each comes from what a rerun of the day gives again
 * (landing rows read, the quarantine partition, the lake), never from what one ingest run inserted,
 * so a resumed night records the same metrics as an uninterrupted one.
 */
public final class QualityMetrics {
  /** One metric of one table for the day. */
  public record Metric(String table, String metric, double value) {
    public String key() {
      return table + "." + metric;
    }
  }

  /** Stands for "no events at all" in freshness_days. */
  static final double NEVER = 9999;

  private static final List<Table> KEYED =
      List.of(
          Table.EVENTS,
          Table.ORDERS,
          Table.ORDER_LINES,
          Table.RETURNS,
          Table.TICKETS,
          Table.ASSIGNMENTS,
          Table.CUSTOMERS,
          Table.ITEMS);

  private QualityMetrics() {}

  /** The day's metrics from the ingest's ledger counts and the lake. */
  public static List<Metric> compute(Lake lake, Map<String, Long> ingest, LocalDate day) {
    List<Metric> out = new ArrayList<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Map<String, Long>> missing = new TreeMap<>();
    Column field = regexp_extract(col("detail"), "^([A-Za-z_]+) is missing$", 1);
    for (Row r :
        lake.read(Table.QUARANTINE)
            .where(col("ingest_date").equalTo(lit(Date.valueOf(day))))
            .groupBy(col("source"), field.as("field"))
            .count()
            .collectAsList()) {
      String source = r.getString(0);
      quarantined.merge(source, r.getLong(2), Long::sum);
      if (!r.getString(1).isEmpty()) {
        missing.computeIfAbsent(source, k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
    }
    for (Map.Entry<String, Long> e : ingest.entrySet()) {
      if (!e.getKey().endsWith(".read")) {
        continue;
      }
      String source = e.getKey().substring(0, e.getKey().length() - ".read".length());
      double read = e.getValue();
      out.add(new Metric(source, "row_count", read));
      out.add(
          new Metric(
              source, "quarantined_share", share(quarantined.getOrDefault(source, 0L), read)));
      missing
          .getOrDefault(source, Map.of())
          .forEach((f, n) -> out.add(new Metric(source, "completeness." + f, 1 - share(n, read))));
    }
    double read = ingest.getOrDefault("read", 0L);
    out.add(new Metric("all", "row_count", read));
    out.add(
        new Metric(
            "all", "quarantined_share", share(ingest.getOrDefault("quarantined", 0L), read)));
    for (Table t : KEYED) {
      if (!lake.exists(t)) {
        continue;
      }
      Row r =
          lake.read(t)
              .where(col("ingest_date").equalTo(lit(Date.valueOf(day))))
              .agg(
                  count(lit(1)),
                  countDistinct(
                      col(t.keys().get(0)),
                      t.keys().subList(1, t.keys().size()).stream()
                          .map(k -> col(k))
                          .toArray(Column[]::new)))
              .head();
      long rows = r.getLong(0);
      out.add(
          new Metric(
              t.shortName(), "key_uniqueness", rows == 0 ? 1 : (double) r.getLong(1) / rows));
    }
    Row newest =
        lake.read(Table.EVENTS)
            .where(col("event_date").leq(lit(Date.valueOf(day))))
            .agg(max("event_date"))
            .head();
    out.add(
        new Metric(
            "events",
            "freshness_days",
            newest.isNullAt(0)
                ? NEVER
                : day.toEpochDay() - newest.getDate(0).toLocalDate().toEpochDay()));
    return out;
  }

  /** Replaces the day's metrics (a rerun recomputes them). */
  public static void write(Lake lake, LocalDate day, List<Metric> metrics) {
    Date d = Date.valueOf(day);
    List<Row> rows = new ArrayList<>();
    metrics.forEach(m -> rows.add(RowFactory.create(d, m.table(), m.metric(), m.value())));
    lake.replaceWhere(
        GovernanceTable.QUALITY_METRICS,
        "run_date = DATE'" + day + "'",
        lake.spark().createDataFrame(rows, GovernanceTable.QUALITY_METRICS.schema()));
  }

  /** Each metric's values over the {@code days} days before {@code day}, oldest first. */
  public static Map<String, List<Double>> history(Lake lake, LocalDate day, int days) {
    Map<String, List<Double>> out = new TreeMap<>();
    if (!lake.exists(GovernanceTable.QUALITY_METRICS)) {
      return out;
    }
    for (Row r :
        lake.read(GovernanceTable.QUALITY_METRICS)
            .where(
                col("run_date")
                    .lt(lit(Date.valueOf(day)))
                    .and(col("run_date").geq(lit(Date.valueOf(day.minusDays(days))))))
            .orderBy("run_date")
            .collectAsList()) {
      out.computeIfAbsent(r.getString(1) + "." + r.getString(2), k -> new ArrayList<>())
          .add(r.getDouble(3));
    }
    return out;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }
}
