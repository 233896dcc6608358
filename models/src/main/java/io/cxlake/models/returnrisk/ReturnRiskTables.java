package io.cxlake.models.returnrisk;

import io.cxlake.lake.table.TableDef;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the return-risk run stores with its model, one partition per run date: the model itself (its
 * coefficients), its quality beside the naive baseline, its reliability curve and its fairness
 * check. The scores go to {@code return_risk} (ScoreTable).
 */
public enum ReturnRiskTables implements TableDef {
  RETURN_RISK_MODEL(
      "return_risk_model",
      "The return-risk model of run_date: each term's (and category level's) logistic coefficient"
          + " and training mean; term _intercept, _platt_slope, _platt_offset and _base_rate carry"
          + " the rest. Enough to rescore any line by hand.",
      List.of("run_date", "term", "level"),
      TableDef.req("version", STRING),
      TableDef.req("term", STRING),
      TableDef.opt("level", STRING),
      TableDef.req("mean", DOUBLE),
      TableDef.req("coefficient", DOUBLE),
      TableDef.req("run_date", DATE)),
  RETURN_RISK_METRICS(
      "return_risk_metrics",
      "Return-risk quality on the held-out test slice (the newest labelled lines): auc_roc,"
          + " auc_pr, brier, ece for the model and for the naive baseline (the customer's past"
          + " return rate), plus lines and returned counts and the gate's decision (gate_passed 1/0).",
      List.of("run_date", "model", "metric"),
      TableDef.req("version", STRING),
      TableDef.req("model", STRING),
      TableDef.req("metric", STRING),
      TableDef.req("value", DOUBLE),
      TableDef.req("run_date", DATE)),
  RETURN_RISK_RELIABILITY(
      "return_risk_reliability",
      "The reliability curve of the return-risk model on the test slice: per equal-width"
          + " probability bin, lines, mean predicted probability and observed return rate.",
      List.of("run_date", "bin"),
      TableDef.req("version", STRING),
      TableDef.req("bin", INT),
      TableDef.req("lower", DOUBLE),
      TableDef.req("upper", DOUBLE),
      TableDef.req("lines", LONG),
      TableDef.req("mean_predicted", DOUBLE),
      TableDef.req("observed_rate", DOUBLE),
      TableDef.req("run_date", DATE)),
  RETURN_RISK_FAIRNESS(
      "return_risk_fairness",
      "Return-risk fairness on the test slice per customer segment (segment_kind region):"
          + " lines, mean probability, flag rate (high band) and false-positive rate (flagged among"
          + " lines not returned); compared is false for segments too small to compare.",
      List.of("run_date", "segment_kind", "segment"),
      TableDef.req("version", STRING),
      TableDef.req("segment_kind", STRING),
      TableDef.req("segment", STRING),
      TableDef.req("lines", LONG),
      TableDef.req("mean_probability", DOUBLE),
      TableDef.req("flag_rate", DOUBLE),
      TableDef.opt("false_positive_rate", DOUBLE),
      TableDef.req("compared", BOOLEAN),
      TableDef.req("run_date", DATE));

  private final String shortName;
  private final String doc;
  private final List<String> keys;
  private final StructType schema;

  ReturnRiskTables(String shortName, String doc, List<String> keys, StructField... f) {
    this.shortName = shortName;
    this.doc = doc;
    this.keys = keys;
    this.schema = new StructType(f);
  }

  @Override
  public String shortName() {
    return shortName;
  }

  @Override
  public String doc() {
    return doc;
  }

  @Override
  public Optional<String> partitionColumn() {
    return Optional.of("run_date");
  }

  @Override
  public List<String> keys() {
    return keys;
  }

  @Override
  public StructType schema() {
    return schema;
  }
}
