package io.cxlake.models.intents;

import io.cxlake.lake.table.TableDef;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The tables the support-intent classifier writes, one partition per run date. */
public enum IntentTables implements TableDef {
  INTENTS(
      "intents",
      "Support-intent scores: each ticket of the run date with its predicted intent, the model's"
          + " confidence, the route (automate or person) and why.",
      List.of("run_date", "ticket_id"),
      TableDef.req("ticket_id", STRING),
      TableDef.req("intent", STRING),
      TableDef.req("confidence", DOUBLE),
      TableDef.req("route", STRING),
      TableDef.req("reason", STRING),
      TableDef.req("run_date", DATE)),
  INTENT_METRICS(
      "intent_metrics",
      "The intent model's quality per run: precision, recall, F1 and support per intent on the"
          + " held-out test slice and on the run date's tagged tickets (slice), with the confidence"
          + " threshold chosen on the validation slice (null: never automated).",
      List.of("run_date", "slice", "intent"),
      TableDef.req("slice", STRING),
      TableDef.req("intent", STRING),
      TableDef.req("precision", DOUBLE),
      TableDef.req("recall", DOUBLE),
      TableDef.req("f1", DOUBLE),
      TableDef.req("support", LONG),
      TableDef.opt("threshold", DOUBLE),
      TableDef.req("run_date", DATE)),
  INTENT_CONFUSION(
      "intent_confusion",
      "The intent model's confusion matrix per run and slice: tickets of each true intent"
          + " predicted as each intent.",
      List.of("run_date", "slice", "actual", "predicted"),
      TableDef.req("slice", STRING),
      TableDef.req("actual", STRING),
      TableDef.req("predicted", STRING),
      TableDef.req("tickets", LONG),
      TableDef.req("run_date", DATE)),
  INTENT_KPIS(
      "intent_kpis",
      "Support-automation KPIs per run: predicted containment (share of the day's tickets routed"
          + " to automation), realised containment, macro-F1 and automated precision on held-out"
          + " tickets.",
      List.of("run_date", "kpi"),
      TableDef.req("kpi", STRING),
      TableDef.opt("value", DOUBLE),
      TableDef.req("run_date", DATE));

  private final String shortName;
  private final String doc;
  private final List<String> keys;
  private final StructType schema;

  IntentTables(String shortName, String doc, List<String> keys, StructField... f) {
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
