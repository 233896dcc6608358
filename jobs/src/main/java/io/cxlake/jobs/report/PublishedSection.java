package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.num;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.lake.table.Table;
import io.cxlake.models.registry.RegistryTable;
import io.cxlake.models.score.ScoreTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * What the run published: the serving-store version (from the publish step's ledger row), the model
 * version behind each published score, and the registry's decisions of the date.
 */
final class PublishedSection implements Section {
  @Override
  public String id() {
    return "published";
  }

  @Override
  public String title() {
    return "What was published";
  }

  @Override
  public void render(LakeView v, Body out) {
    String thisDay = "run_date = " + v.dayLiteral();
    serving(
        v.fetch(
            Table.RUNS,
            expr(thisDay + " AND step = 'publish' AND status = 'succeeded'"),
            col("ended_at").desc()),
        out);
    versions(v.fetch(ScoreTable.MODEL_VERSIONS, expr(thisDay), col("model")), out);
    registry(v.fetch(RegistryTable.MODEL_REGISTRY, expr(thisDay), col("model"), col("at")), out);
  }

  private static void serving(Fetched f, Body out) {
    out.h3("Serving store");
    if (!f.available()) {
      out.notAvailable("serving version", "no successful `publish` step for this date in `runs`");
      return;
    }
    Row last = f.rows().get(0);
    Map<String, Long> counts =
        last.isNullAt(last.fieldIndex("counts"))
            ? Map.of()
            : last.getJavaMap(last.fieldIndex("counts"));
    Long version = counts.get("version");
    out.add(
        "<p>"
            + (version == null
                ? "No version was published"
                : "Serving version <b>" + esc(version) + "</b> published")
            + ": "
            + esc(str(last, "message"))
            + "</p>");
  }

  private static void versions(Fetched f, Body out) {
    out.h3("Model versions behind the published scores");
    if (!f.available()) {
      out.notAvailable("model versions", f.missing().get() + " (written when a model scores)");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    f.rows().forEach(r -> rows.add(List.of(esc(str(r, "model")), esc(str(r, "version")))));
    out.add(Html.table(List.of("model", "version"), rows));
  }

  private static void registry(Fetched f, Body out) {
    out.h3("Model registry events of the date");
    if (!f.available()) {
      out.notAvailable("registry events", f.missing().get() + " (no model was trained or changed)");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      Map<String, Double> metrics =
          r.isNullAt(r.fieldIndex("metrics"))
              ? Map.of()
              : new TreeMap<>(r.<String, Double>getJavaMap(r.fieldIndex("metrics")));
      String shown =
          metrics.entrySet().stream()
              .filter(e -> !e.getKey().startsWith("baseline_"))
              .limit(6)
              .map(e -> esc(e.getKey()) + " " + num(e.getValue()))
              .collect(Collectors.joining(", "));
      rows.add(
          List.of(
              esc(str(r, "model")),
              esc(str(r, "version")),
              esc(str(r, "event")),
              esc(str(r, "by")),
              esc(str(r, "reason")),
              shown));
    }
    out.add(Html.table(List.of("model", "version", "event", "by", "reason", "metrics"), rows));
  }
}
