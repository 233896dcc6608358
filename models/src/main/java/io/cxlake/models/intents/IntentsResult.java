package io.cxlake.models.intents;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one intents run produced: a frame per table (one run-date partition each), the counts for
 * the run ledger, the KPIs by name, and a one-line summary.
 */
public record IntentsResult(
    Dataset<Row> scores,
    Dataset<Row> metrics,
    Dataset<Row> confusion,
    Dataset<Row> kpis,
    Map<String, Long> counts,
    Map<String, Double> kpiValues,
    String summary) {}
