package io.cxlake.lake.governance;

import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/**
 * The governance tables: erasures, consent history, data-quality metrics and the catalogue of
 * automations with its change log. None holds a raw identifier other than the shop's own user_id in
 * consent_history (which erasure deletes like every other user row).
 */
public enum GovernanceTable implements TableSpec.Holder {
  ERASURES(
      TableSpec.of(
          "erasures",
          "One row per user per `forget` run: the keyed hash of the user_id (never the id), when,"
              + " the rows deleted per lake table and the entries removed per serving table (all"
              + " retained versions). While a row stands, ingest drops the user's rows again.",
          null,
          List.of("erasure_id", "user_hash"),
          req("erasure_id", STRING),
          req("user_hash", STRING),
          req("erased_at", TIMESTAMP),
          req("rows", createMapType(STRING, LONG)),
          req("serving", createMapType(STRING, LONG)),
          req("purged_tables", createArrayType(STRING, false)))),
  CONSENT_HISTORY(
      TableSpec.of(
          "consent_history",
          "Every consent state a customers export stated, per user and purpose (personalisation,"
              + " marketing, profiling): granted or withdrawn, as of changed_at (the export's"
              + " updated_at), with the region then. The state as of a date is the newest row"
              + " before it.",
          null,
          List.of("user_id", "purpose", "changed_at"),
          req("user_id", STRING),
          req("purpose", STRING),
          req("granted", BOOLEAN),
          req("region", STRING),
          req("changed_at", TIMESTAMP),
          req("ingest_date", DATE))),
  QUALITY_METRICS(
      TableSpec.of(
          "quality_metrics",
          "Data-quality metrics per run_date, table and metric (row_count, completeness of a"
              + " required column, uniqueness of the key, quarantined_share, freshness_days), like"
              + " a Deequ metrics repository: each day is judged against the trailing history.",
          null,
          List.of("run_date", "table_name", "metric"),
          req("run_date", DATE),
          req("table_name", STRING),
          req("metric", STRING),
          req("value", DOUBLE))),
  DRIFT_METRICS(
      TableSpec.of(
          "drift_metrics",
          "The drift gate per run_date: the population stability index of each model feature (the"
              + " lines the model scores against the lines it was trained on) and of its scores"
              + " (against the previous run's), with bins fixed from the reference; status ok,"
              + " warn, block, or too_few (fewer rows than gates.psi-min-rows on either side).",
          null,
          List.of("run_date", "model", "feature"),
          req("run_date", DATE),
          req("model", STRING),
          req("feature", STRING),
          opt("psi", DOUBLE),
          req("status", STRING),
          req("reference_rows", LONG),
          req("current_rows", LONG))),
  AUTOMATIONS(
      TableSpec.of(
          "automations",
          "The catalogue of automations, from the governance config as of the latest run: owner,"
              + " the consent purpose it needs, active or retired, the regions whose policy"
              + " enables it, when it started and retired, and the run date of its last change.",
          null,
          List.of("name"),
          req("name", STRING),
          req("owner", STRING),
          opt("purpose", STRING),
          req("status", STRING),
          req("regions", createArrayType(STRING, false)),
          opt("started_at", DATE),
          opt("retired_at", DATE),
          opt("description", STRING),
          req("updated_on", DATE))),
  AUTOMATION_CHANGES(
      TableSpec.of(
          "automation_changes",
          "Every change to the catalogue a run picked up from the config: an automation"
              + " registered, enabled or disabled in a region, retired, reactivated or changed"
              + " (owner, purpose); run_date is the first run it applies to.",
          null,
          List.of(),
          req("run_date", DATE),
          req("automation", STRING),
          req("change", STRING),
          opt("region", STRING),
          opt("detail", STRING)));

  private final TableSpec spec;

  GovernanceTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
