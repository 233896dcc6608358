package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.config.CxConfig.IntentsSettings;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the support-intent classifier for run date D, as a transform with no I/O:
 *
 * <ol>
 *   <li>Tagged tickets of the {@code train-days} before D are split by ticket id into train,
 *       validation and test ({@link Slices}).
 *   <li>The text pipeline is fitted on train; each intent's threshold is chosen on validation.
 *   <li>Test, never seen by either, gives the reported macro-F1 and automated precision.
 *   <li>D's tickets are scored and routed (by the registry's champion, in the jobs); where they are
 *       tagged too, they are evaluated as well.
 * </ol>
 */
public final class Intents {
  private Intents() {}

  /** One tag per ticket, as {@code ticket_id, actual}. */
  static Dataset<Row> tags(Dataset<Row> labels) {
    return labels
        .where(col("ticket_id").isNotNull().and(col("intent").isNotNull()))
        .groupBy("ticket_id")
        .agg(first("intent").as("actual"));
  }

  /**
   * The tagged tickets of the {@code days} before the run date: {@code ticket_id, body, actual}.
   */
  static Dataset<Row> tagged(Dataset<Row> tickets, Dataset<Row> tags, LocalDate runDate, int days) {
    Date from = Date.valueOf(runDate.minusDays(days));
    return tickets
        .where(
            col("ticket_date")
                .geq(lit(from))
                .and(col("ticket_date").lt(lit(Date.valueOf(runDate)))))
        .select("ticket_id", "body")
        .join(tags, "ticket_id");
  }

  /** The model name in model_registry and model_versions. */
  public static final String MODEL = "intents";

  /** A trained model, the window's slice counts, and how it did on the held-out test slice. */
  public record Training(IntentModel model, Map<String, Long> counts, SliceEvaluation onTest) {
    public double macroF1() {
      return onTest.macroF1();
    }

    /** Macro-F1 of always predicting the test slice's commonest intent. */
    public double baselineMacroF1() {
      return ClassMetrics.majorityMacroF1(onTest.confusion());
    }

    /** The test-slice metrics as registered with the model. */
    public Map<String, Double> metrics() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("macro_f1", onTest.macroF1());
      m.put("baseline_macro_f1", baselineMacroF1());
      m.put("accuracy", onTest.accuracy());
      m.put("automated_precision", onTest.automatedPrecision());
      m.put("containment", onTest.containment());
      m.put("test_tickets", (double) onTest.tickets());
      for (ClassMetrics.PerClass c : onTest.perClass()) {
        m.put("f1_" + c.label(), c.f1());
      }
      return m;
    }
  }

  /**
   * Fits on the train slice of the tagged tickets of the {@code train-days} before D, picks the
   * thresholds on validation and evaluates on test.
   *
   * @param tickets the {@code tickets} table (at least {@code ticket_id, body, ticket_date})
   * @param labels agents' tags: {@code ticket_id, intent}
   */
  public static Training train(
      Dataset<Row> tickets, Dataset<Row> labels, LocalDate runDate, IntentsSettings settings) {
    Dataset<Row> window = tagged(tickets, tags(labels), runDate, settings.trainDays()).cache();
    try {
      Dataset<Row> train = window.where(Slices.isTrain());
      Dataset<Row> validation = window.where(Slices.isValidation());
      Dataset<Row> test = window.where(Slices.isTest());
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("train_tickets", train.count());
      counts.put("validation_tickets", validation.count());
      counts.put("test_tickets", test.count());
      IntentModel model =
          counts.get("train_tickets") == 0
              ? IntentModel.none()
              : IntentModel.train(train, validation, settings);
      return new Training(model, counts, SliceEvaluation.of(Slices.TEST, model.score(test)));
    } finally {
      window.unpersist();
    }
  }

  /** The test slice's rows of intent_metrics and intent_confusion for run date D. */
  public static IntentsResult.Rows testRows(SparkSession spark, Training t, LocalDate runDate) {
    return IntentsReport.sliceRows(spark, t.onTest(), t.model(), runDate);
  }

  /**
   * Scores and routes D's tickets with {@code model} (its version, or null when there is none);
   * where they are tagged, evaluates them too. {@code modelMetrics} are the model's registered
   * test-slice metrics, reported beside the day's in intent_kpis.
   */
  public static IntentsResult score(
      IntentModel model,
      String version,
      Dataset<Row> tickets,
      Dataset<Row> labels,
      LocalDate runDate,
      IntentsSettings settings,
      Map<String, Double> modelMetrics) {
    Dataset<Row> tags = tags(labels);
    Date d = Date.valueOf(runDate);
    Dataset<Row> day = tickets.where(col("ticket_date").equalTo(lit(d)));
    // Cached because the evaluation, the KPIs and the caller's write all read it; it is one
    // day's tickets, and the shared session's cache is cleared with the run.
    Dataset<Row> dayScored =
        model
            .score(
                day.join(tags, day.col("ticket_id").equalTo(tags.col("ticket_id")), "left")
                    .drop(tags.col("ticket_id")))
            .cache();
    SliceEvaluation onDay = SliceEvaluation.of(Slices.DAY, dayScored);
    Dataset<Row> scores =
        dayScored.select(
            col("ticket_id"),
            col("intent"),
            col("confidence"),
            col("route"),
            col("reason"),
            lit(version).cast("string").as("model_version"),
            lit(d).as("run_date"));
    return IntentsReport.build(runDate, model, settings, modelMetrics, onDay, dayScored, scores);
  }
}
