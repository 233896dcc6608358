package io.cxlake.models.intents;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What scoring one day's tickets produced: the routed tickets, the day slice's metric and confusion
 * rows, the KPI rows (one run-date partition each), the counts for the run ledger, the KPIs by
 * name, and a one-line summary.
 */
public record IntentsResult(
    Dataset<Row> scores,
    Rows day,
    Dataset<Row> kpis,
    Map<String, Long> counts,
    Map<String, Double> kpiValues,
    String summary) {

  /** One slice's rows of intent_metrics and intent_confusion. */
  public record Rows(Dataset<Row> metrics, Dataset<Row> confusion) {}
}
