package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig.IntentsSettings;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Turns evaluations into the rows of the metric, confusion and KPI tables. */
final class IntentsReport {
  private IntentsReport() {}

  static IntentsResult build(
      LocalDate runDate,
      IntentModel model,
      IntentsSettings settings,
      Map<String, Double> modelMetrics,
      SliceEvaluation onDay,
      Dataset<Row> dayScored,
      Dataset<Row> scores) {
    SparkSession spark = scores.sparkSession();
    Date d = Date.valueOf(runDate);
    // One pass over the day's tickets: predicted routes and the realised outcome of each.
    Row day =
        dayScored
            .agg(
                count(lit(1)),
                sum(when(col("route").equalTo(Route.AUTOMATE), 1).otherwise(0)),
                sum(when(col("resolved_by").isNotNull(), 1).otherwise(0)),
                sum(when(col("resolved_by").equalTo("bot"), 1).otherwise(0)),
                avg(when(col("resolved_by").equalTo("bot"), col("handle_minutes"))),
                avg(when(col("resolved_by").equalTo("agent"), col("handle_minutes"))))
            .head();
    long scored = day.getLong(0);
    long automated = day.isNullAt(1) ? 0 : day.getLong(1);
    long resolved = day.isNullAt(2) ? 0 : day.getLong(2);
    long byBot = day.isNullAt(3) ? 0 : day.getLong(3);

    Map<String, Long> c = new LinkedHashMap<>();
    c.put("tickets_scored", scored);
    c.put("tickets_automated", automated);
    c.put(
        "intents_automatable",
        model.thresholds().entrySet().stream()
            .filter(e -> e.getValue().threshold() != null)
            .filter(e -> !settings.humanOnly().contains(e.getKey()))
            .count());

    Map<String, Double> k = new LinkedHashMap<>();
    k.put("predicted_containment", scored == 0 ? Double.NaN : (double) automated / scored);
    k.put("realised_containment", resolved == 0 ? Double.NaN : (double) byBot / resolved);
    k.put("realised_minutes_bot", day.isNullAt(4) ? Double.NaN : day.getDouble(4));
    k.put("realised_minutes_agent", day.isNullAt(5) ? Double.NaN : day.getDouble(5));
    k.put("precision_target", settings.precisionTarget());
    k.put("test_macro_f1", modelMetrics.getOrDefault("macro_f1", Double.NaN));
    k.put("test_accuracy", modelMetrics.getOrDefault("accuracy", Double.NaN));
    k.put("test_automated_precision", modelMetrics.getOrDefault("automated_precision", Double.NaN));
    k.put("test_containment", modelMetrics.getOrDefault("containment", Double.NaN));
    k.put("day_macro_f1", onDay.macroF1());
    k.put("day_automated_precision", onDay.automatedPrecision());

    List<Row> kpiRows = new ArrayList<>();
    k.forEach((name, v) -> kpiRows.add(RowFactory.create(name, Double.isNaN(v) ? null : v, d)));
    String summary =
        String.format(
            Locale.ROOT,
            "%d tickets on %s: %d automated (containment %.1f%%); the model's held-out test:"
                + " macro-F1 %.3f, automated precision %.3f (target %.2f)",
            scored,
            runDate,
            automated,
            100 * k.get("predicted_containment"),
            k.get("test_macro_f1"),
            k.get("test_automated_precision"),
            settings.precisionTarget());
    return new IntentsResult(
        scores,
        sliceRows(spark, onDay, model, runDate),
        spark.createDataFrame(kpiRows, IntentTables.INTENT_KPIS.schema()),
        c,
        k,
        summary);
  }

  /** One slice's per-intent metrics (with each intent's threshold) and confusion cells. */
  static IntentsResult.Rows sliceRows(
      SparkSession spark, SliceEvaluation e, IntentModel model, LocalDate runDate) {
    Date d = Date.valueOf(runDate);
    List<Row> metricRows = new ArrayList<>();
    List<Row> confusionRows = new ArrayList<>();
    for (ClassMetrics.PerClass m : e.perClass()) {
      ThresholdSelection.Choice t = model.thresholds().get(m.label());
      metricRows.add(
          RowFactory.create(
              e.slice(),
              m.label(),
              m.precision(),
              m.recall(),
              m.f1(),
              m.support(),
              t == null ? null : t.threshold(),
              d));
    }
    e.confusion()
        .forEach(
            (actual, row) ->
                row.forEach(
                    (predicted, n) ->
                        confusionRows.add(RowFactory.create(e.slice(), actual, predicted, n, d))));
    return new IntentsResult.Rows(
        spark.createDataFrame(metricRows, IntentTables.INTENT_METRICS.schema()),
        spark.createDataFrame(confusionRows, IntentTables.INTENT_CONFUSION.schema()));
  }
}
