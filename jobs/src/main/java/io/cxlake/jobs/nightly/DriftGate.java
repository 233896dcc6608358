package io.cxlake.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.cxlake.features.TrainingSet;
import io.cxlake.jobs.GateBlockedException;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.CxConfig.GateSettings;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.models.drift.DriftCheck;
import io.cxlake.models.drift.Psi;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift gate before publish, for the return-risk model: PSI of each of its order-line and
 * customer features over the lines it scores against the lines it was trained on (both from {@link
 * TrainingSet}, as the model reads them), and of its score distribution against the previous run's.
 * A warning from gates.psi-warn, a block (exit 3, nothing published) from gates.psi-block. A
 * run-date without return-risk scores has nothing to gate.
 */
public final class DriftGate {
  private static final Logger LOG = LoggerFactory.getLogger(DriftGate.class);
  static final String MODEL = "return_risk";

  /** The model's numeric inputs, as TrainingSet gives them. */
  static final List<String> NUMERIC =
      List.of(
          "unit_price",
          "discount_depth",
          "quantity",
          "basket_lines",
          "variants_in_order",
          "customer_return_rate",
          "customer_items_bought",
          "days_since_prev_return",
          "customer_tenure_days");

  static final List<String> CATEGORICAL =
      List.of("category", "size_sensitive", "channel", "device", "customer_region");

  /** One feature's verdict. */
  public record Check(
      String feature, double psi, String status, long referenceRows, long currentRows) {}

  private DriftGate() {}

  /** The checks of the run date; empty when it has no scores. */
  public static List<Check> check(
      Lake lake, GateSettings s, CxConfig.GovernanceSettings policy, int labelDays, LocalDate day) {
    Dataset<Row> scores = lake.read(ScoreTable.RETURN_RISK);
    Dataset<Row> today = scores.where(col("run_date").equalTo(lit(Date.valueOf(day))));
    if (today.isEmpty()) {
      return List.of();
    }
    LocalDate asOf = day.plusDays(1);
    Dataset<Row> trained = TrainingSet.returnRisk(lake, asOf, labelDays, policy);
    Dataset<Row> scored = TrainingSet.returnRiskToScore(lake, asOf.minusDays(labelDays));
    List<DriftCheck.FeatureDrift> drifts =
        new ArrayList<>(DriftCheck.compare(trained, scored, NUMERIC, CATEGORICAL, s.psiBins()));
    Row previous =
        scores.where(col("run_date").lt(lit(Date.valueOf(day)))).agg(max("run_date")).head();
    Dataset<Row> before =
        previous.isNullAt(0)
            ? today.limit(0)
            : scores.where(col("run_date").equalTo(lit(previous.getDate(0))));
    DriftCheck.compare(before, today, List.of("probability"), List.of(), s.psiBins())
        .forEach(
            d ->
                drifts.add(
                    new DriftCheck.FeatureDrift(
                        "score", d.psi(), d.referenceRows(), d.currentRows())));
    List<Check> out = new ArrayList<>();
    for (DriftCheck.FeatureDrift d : drifts) {
      String status =
          d.referenceRows() < s.psiMinRows() || d.currentRows() < s.psiMinRows()
              ? "too_few"
              : Psi.level(d.psi(), s.psiWarn(), s.psiBlock()).name().toLowerCase(Locale.ROOT);
      out.add(new Check(d.feature(), d.psi(), status, d.referenceRows(), d.currentRows()));
    }
    return out;
  }

  /** The gate as a ledger step; its metrics are kept whatever the verdict. */
  public static List<Check> run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "drift-gate",
        day,
        List.of(),
        () -> {
          GateSettings s = p.config().gates();
          List<Check> checks =
              check(p.lake(), s, p.config().governance(), p.config().returnRisk().labelDays(), day);
          write(p.lake(), day, checks);
          List<String> blocked = new ArrayList<>();
          for (Check c : checks) {
            String line =
                String.format(
                    Locale.ROOT,
                    "%s %s PSI %.3f (%d reference rows, %d current)",
                    MODEL,
                    c.feature(),
                    c.psi(),
                    c.referenceRows(),
                    c.currentRows());
            if (c.status().equals("block")) {
              blocked.add(line);
            } else if (c.status().equals("warn")) {
              LOG.warn("drift gate for {}: {} ≥ gates.psi-warn {}", day, line, s.psiWarn());
            }
          }
          if (!blocked.isEmpty()) {
            throw new GateBlockedException(
                "drift gate for "
                    + day
                    + ": "
                    + String.join("; ", blocked)
                    + " ≥ gates.psi-block "
                    + s.psiBlock()
                    + ": the model's inputs no longer look like its training data");
          }
          return checks;
        },
        checks ->
            new Pipeline.StepResult(
                Map.of(
                    "checked",
                    checks.stream().filter(c -> !c.status().equals("too_few")).count(),
                    "warned",
                    checks.stream().filter(c -> c.status().equals("warn")).count()),
                checks.isEmpty()
                    ? "no return-risk scores for the day"
                    : "no drift above the block"));
  }

  private static void write(Lake lake, LocalDate day, List<Check> checks) {
    Date d = Date.valueOf(day);
    List<Row> rows = new ArrayList<>();
    for (Check c : checks) {
      rows.add(
          RowFactory.create(
              d,
              MODEL,
              c.feature(),
              Double.isNaN(c.psi()) ? null : c.psi(),
              c.status(),
              c.referenceRows(),
              c.currentRows()));
    }
    lake.replaceWhere(
        GovernanceTable.DRIFT_METRICS,
        "run_date = DATE'" + day + "'",
        lake.spark().createDataFrame(rows, GovernanceTable.DRIFT_METRICS.schema()));
  }
}
