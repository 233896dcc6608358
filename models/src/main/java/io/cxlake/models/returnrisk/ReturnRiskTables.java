package io.cxlake.models.returnrisk;

import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/**
 * What the return-risk run stores with its model, one partition per run date: the model itself (its
 * coefficients), its quality beside the naive baseline, its reliability curve, its ROC curve and
 * its fairness check. The scores go to {@code return_risk} (ScoreTable).
 */
public enum ReturnRiskTables implements TableSpec.Holder {
  RETURN_RISK_MODEL(
      TableSpec.of(
          "return_risk_model",
          "The return-risk model of run_date: each term's (and category level's) logistic coefficient"
              + " and training mean; term _intercept, _platt_slope, _platt_offset and _base_rate carry"
              + " the rest. Enough to rescore any line by hand.",
          "run_date",
          List.of("run_date", "term", "level"),
          req("version", STRING),
          req("term", STRING),
          opt("level", STRING),
          req("mean", DOUBLE),
          req("coefficient", DOUBLE),
          req("run_date", DATE))),
  RETURN_RISK_METRICS(
      TableSpec.of(
          "return_risk_metrics",
          "Return-risk quality on the held-out test slice (the newest labelled lines): auc_roc,"
              + " auc_pr, brier, ece for the model and for the naive baseline (the customer's past"
              + " return rate), plus lines and returned counts and the gate's decision (gate_passed 1/0).",
          "run_date",
          List.of("run_date", "model", "metric"),
          req("version", STRING),
          req("model", STRING),
          req("metric", STRING),
          req("value", DOUBLE),
          req("run_date", DATE))),
  RETURN_RISK_RELIABILITY(
      TableSpec.of(
          "return_risk_reliability",
          "The reliability curve of the return-risk model on the test slice: per equal-width"
              + " probability bin, lines, mean predicted probability and observed return rate.",
          "run_date",
          List.of("run_date", "bin"),
          req("version", STRING),
          req("bin", INT),
          req("lower", DOUBLE),
          req("upper", DOUBLE),
          req("lines", LONG),
          req("mean_predicted", DOUBLE),
          req("observed_rate", DOUBLE),
          req("run_date", DATE))),
  RETURN_RISK_FAIRNESS(
      TableSpec.of(
          "return_risk_fairness",
          "Return-risk fairness on the test slice per customer segment (segment_kind region):"
              + " lines, mean probability, flag rate (high band) and false-positive rate (flagged among"
              + " lines not returned); compared is false for segments too small to compare.",
          "run_date",
          List.of("run_date", "segment_kind", "segment"),
          req("version", STRING),
          req("segment_kind", STRING),
          req("segment", STRING),
          req("lines", LONG),
          req("mean_probability", DOUBLE),
          req("flag_rate", DOUBLE),
          opt("false_positive_rate", DOUBLE),
          req("compared", BOOLEAN),
          req("run_date", DATE))),
  RETURN_RISK_ROC(
      TableSpec.of(
          "return_risk_roc",
          "The ROC curve on the test slice of the return-risk model (model) and of the naive"
              + " baseline (baseline): per point, in order from (0, 0) to (1, 1), the score threshold"
              + " (lines scoring at least it are flagged; null at the origin) with its false and true"
              + " positive rates; thinned to at most 101 points per curve.",
          "run_date",
          List.of("run_date", "model", "point"),
          req("version", STRING),
          req("model", STRING),
          req("point", INT),
          opt("threshold", DOUBLE),
          req("fpr", DOUBLE),
          req("tpr", DOUBLE),
          req("run_date", DATE)));

  private final TableSpec spec;

  ReturnRiskTables(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
