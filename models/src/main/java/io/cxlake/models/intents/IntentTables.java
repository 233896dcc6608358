package io.cxlake.models.intents;

import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/** The tables the support-intent classifier writes, one partition per run date. */
public enum IntentTables implements TableSpec.Holder {
  TICKET_ROUTING(
      TableSpec.of(
          "ticket_routing",
          "Support-ticket routing: each ticket of the run date with its predicted intent, the"
              + " model's confidence, the route (automate or person), why, and the model version.",
          "run_date",
          List.of("run_date", "ticket_id"),
          req("ticket_id", STRING),
          req("intent", STRING),
          req("confidence", DOUBLE),
          req("route", STRING),
          req("reason", STRING),
          opt("model_version", STRING),
          req("run_date", DATE))),
  INTENT_METRICS(
      TableSpec.of(
          "intent_metrics",
          "The intent model's quality per run: precision, recall, F1 and support per intent on the"
              + " held-out test slice and on the run date's tagged tickets (slice), with the confidence"
              + " threshold chosen on the validation slice (null: never automated).",
          "run_date",
          List.of("run_date", "slice", "intent"),
          req("slice", STRING),
          req("intent", STRING),
          req("precision", DOUBLE),
          req("recall", DOUBLE),
          req("f1", DOUBLE),
          req("support", LONG),
          opt("threshold", DOUBLE),
          req("run_date", DATE))),
  INTENT_CONFUSION(
      TableSpec.of(
          "intent_confusion",
          "The intent model's confusion matrix per run and slice: tickets of each true intent"
              + " predicted as each intent.",
          "run_date",
          List.of("run_date", "slice", "actual", "predicted"),
          req("slice", STRING),
          req("actual", STRING),
          req("predicted", STRING),
          req("tickets", LONG),
          req("run_date", DATE))),
  INTENT_KPIS(
      TableSpec.of(
          "intent_kpis",
          "Support-automation KPIs per run: predicted containment (share of the day's tickets routed"
              + " to automation), realised containment, macro-F1 and automated precision on held-out"
              + " tickets.",
          "run_date",
          List.of("run_date", "kpi"),
          req("kpi", STRING),
          opt("value", DOUBLE),
          req("run_date", DATE)));

  private final TableSpec spec;

  IntentTables(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
