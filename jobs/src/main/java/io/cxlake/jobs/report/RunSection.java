package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.dbl;
import static io.cxlake.jobs.report.Fetched.lng;
import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.num;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Table;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The run of the date: every ledger row (steps, statuses, messages), the data-quality metrics the
 * quality gate judged, and the drift gate's PSI per feature.
 */
final class RunSection implements Section {
  private static final Set<String> GATES = Set.of("quality-gate", "drift-gate");

  @Override
  public String id() {
    return "run";
  }

  @Override
  public String title() {
    return "The run: ledger, data quality and drift";
  }

  @Override
  public void render(LakeView v, Body out) {
    String thisDay = "run_date = " + v.dayLiteral();
    ledger(v.fetch(Table.RUNS, expr(thisDay), col("started_at"), col("step")), out);
    quality(
        v.fetch(GovernanceTable.QUALITY_METRICS, expr(thisDay), col("table_name"), col("metric")),
        out);
    drift(v.fetch(GovernanceTable.DRIFT_METRICS, expr(thisDay), col("model"), col("feature")), out);
  }

  private static String status(String s) {
    String css =
        switch (s == null ? "" : s) {
          case "succeeded" -> "ok";
          case "failed", "blocked", "block" -> "bad";
          case "warn" -> "warnc";
          default -> "";
        };
    return "<span class=\"" + css + "\">" + esc(s) + "</span>";
  }

  private static void ledger(Fetched f, Body out) {
    out.h3("Run ledger");
    if (!f.available()) {
      out.notAvailable("run ledger", f.missing().get());
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      String step = str(r, "step");
      Timestamp start = r.getTimestamp(r.fieldIndex("started_at"));
      Timestamp end =
          r.isNullAt(r.fieldIndex("ended_at")) ? null : r.getTimestamp(r.fieldIndex("ended_at"));
      String message = str(r, "message");
      rows.add(
          List.of(
              GATES.contains(step) ? "<b>" + esc(step) + "</b>" : esc(step),
              status(str(r, "status")),
              esc(start.toInstant().toString()),
              end == null
                  ? "–"
                  : String.format(
                      Locale.ROOT,
                      "%.1f s",
                      Duration.between(start.toInstant(), end.toInstant()).toMillis() / 1000.0),
              // The nightly row's message is the whole JSON summary: the rows above say it.
              "nightly".equals(step) ? "run summary" : esc(message)));
    }
    out.add(Html.table(List.of("step", "status", "started (UTC)", "took", "message"), rows));
  }

  private static void quality(Fetched f, Body out) {
    out.h3("Data quality");
    if (!f.available()) {
      out.notAvailable(
          "data-quality metrics", f.missing().get() + " (the quality gate writes them)");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      rows.add(
          List.of(esc(str(r, "table_name")), esc(str(r, "metric")), Html.value(dbl(r, "value"))));
    }
    out.add(
        "<p class=\"note\">The quality gate's verdict is its row in the ledger above; these are the"
            + " metrics it judged.</p>");
    out.add(Html.table(List.of("table", "metric", "value"), rows));
  }

  private static void drift(Fetched f, Body out) {
    out.h3("Drift");
    if (!f.available()) {
      out.notAvailable("drift metrics", f.missing().get() + " (the drift gate writes them)");
      return;
    }
    long warn = f.rows().stream().filter(r -> "warn".equals(str(r, "status"))).count();
    long block = f.rows().stream().filter(r -> "block".equals(str(r, "status"))).count();
    out.add(
        "<p>Drift verdict: "
            + (block > 0
                ? "<span class=\"bad\">" + block + " blocking</span>"
                : warn > 0
                    ? "<span class=\"warnc\">" + warn + " warning(s)</span>"
                    : "<span class=\"ok\">no drift</span>")
            + " over "
            + f.rows().size()
            + " features and scores.</p>");
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      rows.add(
          List.of(
              esc(str(r, "model")),
              esc(str(r, "feature")),
              num(dbl(r, "psi")),
              status(str(r, "status")),
              Html.count(lng(r, "reference_rows")) + " / " + Html.count(lng(r, "current_rows"))));
    }
    out.add(Html.table(List.of("model", "feature", "PSI", "status", "rows ref / current"), rows));
  }
}
