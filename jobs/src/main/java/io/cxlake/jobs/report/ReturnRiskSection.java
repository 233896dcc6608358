package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.dbl;
import static io.cxlake.jobs.report.Fetched.lng;
import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.num;
import static io.cxlake.jobs.report.Html.pct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.models.returnrisk.ReturnRiskTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The return-risk model of the date: its quality beside the naive baseline, its ROC and reliability
 * curves on the test slice, and the fairness gaps across regions.
 */
final class ReturnRiskSection implements Section {
  private static final List<String> METRICS = List.of("auc_roc", "auc_pr", "brier", "ece");

  @Override
  public String id() {
    return "return-risk";
  }

  @Override
  public String title() {
    return "Return risk";
  }

  @Override
  public void render(LakeView v, Body out) {
    String thisDay = "run_date = " + v.dayLiteral();
    metrics(v.fetch(ReturnRiskTables.RETURN_RISK_METRICS, expr(thisDay)), out);
    out.add("<div class=\"pair\">");
    roc(v.fetch(ReturnRiskTables.RETURN_RISK_ROC, expr(thisDay), col("model"), col("point")), out);
    reliability(v.fetch(ReturnRiskTables.RETURN_RISK_RELIABILITY, expr(thisDay), col("bin")), out);
    out.add("</div>");
    fairness(
        v.fetch(
            ReturnRiskTables.RETURN_RISK_FAIRNESS,
            expr(thisDay),
            col("segment_kind"),
            col("segment")),
        out);
  }

  private static String why(Fetched f) {
    return f.missing().get() + " (`return-risk` writes it when it trains a model)";
  }

  private static void metrics(Fetched f, Body out) {
    if (!f.available()) {
      out.notAvailable("return-risk metrics", why(f));
      return;
    }
    Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
    String version = null;
    for (Row r : f.rows()) {
      version = str(r, "version");
      byModel
          .computeIfAbsent(str(r, "model"), k -> new LinkedHashMap<>())
          .put(str(r, "metric"), dbl(r, "value"));
    }
    Map<String, Double> model = byModel.getOrDefault("model", Map.of());
    Map<String, Double> baseline = byModel.getOrDefault("baseline", Map.of());
    Double gate = model.get("gate_passed");
    out.add(
        "<p>Model <b>"
            + esc(version)
            + "</b> on "
            + Html.count(model.get("lines") == null ? null : model.get("lines").longValue())
            + " test lines ("
            + Html.count(model.get("returned") == null ? null : model.get("returned").longValue())
            + " returned); gate "
            + (gate == null ? "–" : gate >= 1 ? "passed" : "<span class=\"bad\">failed</span>")
            + ".</p>");
    List<List<String>> rows = new ArrayList<>();
    for (String m : METRICS) {
      rows.add(List.of(esc(m), num(model.get(m)), num(baseline.get(m))));
    }
    rows.add(List.of("fairness_gap", num(model.get("fairness_gap")), "–"));
    out.add(Html.table(List.of("metric", "model", "naive baseline"), rows));
  }

  private static void roc(Fetched f, Body out) {
    if (!f.available()) {
      out.notAvailable("ROC curve", why(f));
      return;
    }
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (Row r : f.rows()) {
      curves
          .computeIfAbsent(str(r, "model"), k -> new ArrayList<>())
          .add(new double[] {dbl(r, "fpr"), dbl(r, "tpr")});
    }
    List<Charts.Series> series = new ArrayList<>();
    curves.forEach((name, points) -> series.add(new Charts.Series(name, points)));
    out.chart(
        Charts.unitCurves(
            "ROC on the test slice", "false positive rate", "true positive rate", series, "chance"),
        "Higher and further left is better; the baseline is the customer's past return rate.");
  }

  private static void reliability(Fetched f, Body out) {
    if (!f.available()) {
      out.notAvailable("reliability curve", why(f));
      return;
    }
    List<double[]> points = new ArrayList<>();
    f.rows()
        .forEach(r -> points.add(new double[] {dbl(r, "mean_predicted"), dbl(r, "observed_rate")}));
    out.chart(
        Charts.unitCurves(
            "Reliability on the test slice",
            "mean predicted probability",
            "observed return rate",
            List.of(new Charts.Series("model", points)),
            "perfect calibration"),
        "Each dot is a probability bin; on the diagonal the predicted risk is the observed rate.");
  }

  private static void fairness(Fetched f, Body out) {
    if (!f.available()) {
      out.notAvailable("fairness check", why(f));
      return;
    }
    Map<String, Map<String, Double>> chart = new LinkedHashMap<>();
    chart.put("flag rate", new LinkedHashMap<>());
    chart.put("false-positive rate", new LinkedHashMap<>());
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      String seg = str(r, "segment");
      boolean compared = Boolean.TRUE.equals(r.getAs("compared"));
      if (compared) {
        chart.get("flag rate").put(seg, dbl(r, "flag_rate"));
        Double fpr = dbl(r, "false_positive_rate");
        if (fpr != null) {
          chart.get("false-positive rate").put(seg, fpr);
        }
      }
      rows.add(
          List.of(
              esc(str(r, "segment_kind")),
              esc(seg),
              Html.count(lng(r, "lines")),
              num(dbl(r, "mean_probability")),
              pct(dbl(r, "flag_rate"), false),
              pct(dbl(r, "false_positive_rate"), false),
              compared ? "yes" : "no (too few lines)"));
    }
    out.h3("Fairness across segments");
    if (!chart.get("flag rate").isEmpty()) {
      out.chart(
          Charts.bars("Flag and false-positive rates per segment", "rate", chart),
          "Segments with enough test lines to compare; large gaps mean some customers are"
              + " flagged more often for the same behaviour.");
    }
    out.add(
        Html.table(
            List.of("kind", "segment", "lines", "mean probability", "flag rate", "FPR", "compared"),
            rows));
  }
}
