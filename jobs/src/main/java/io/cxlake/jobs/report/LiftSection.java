package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.dbl;
import static io.cxlake.jobs.report.Fetched.lng;
import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.interval;
import static io.cxlake.jobs.report.Html.num;
import static io.cxlake.jobs.report.Html.pct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.models.impact.ImpactTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Lift per automation and metric against the randomised holdout: a forest plot of the relative lift
 * (comparable across metrics of different units) and the table of absolute and relative lifts with
 * their 95% intervals. A sample-ratio mismatch is shown first: it makes the lifts suspect.
 */
final class LiftSection implements Section {
  @Override
  public String id() {
    return "lift";
  }

  @Override
  public String title() {
    return "Lift per automation (holdout)";
  }

  @Override
  public void render(LakeView v, Body out) {
    Fetched f =
        v.fetch(
            ImpactTable.LIFT,
            expr("run_date = " + v.dayLiteral()),
            col("automation"),
            col("metric"));
    if (!f.available()) {
      out.notAvailable("lift", f.missing().get() + " (`measure` writes it)");
      return;
    }
    Map<String, Double> srm = new LinkedHashMap<>();
    for (Row r : f.rows()) {
      if (Boolean.TRUE.equals(r.getAs("srm_flag"))) {
        srm.put(str(r, "automation"), dbl(r, "srm_p"));
      }
    }
    srm.forEach(
        (a, p) ->
            out.add(
                Html.warning(
                    "Sample-ratio mismatch in <b>"
                        + esc(a)
                        + "</b> (SRM p = "
                        + esc(String.format(Locale.ROOT, "%.2g", p))
                        + "): its treatment/holdout split is not the configured one, so its lifts"
                        + " may be biased.")));

    List<Charts.Interval> forest = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      String label = str(r, "automation") + " · " + str(r, "metric");
      forest.add(
          new Charts.Interval(
              label,
              times100(dbl(r, "rel_lift")),
              times100(dbl(r, "rel_ci_low")),
              times100(dbl(r, "rel_ci_high"))));
      boolean flagged = Boolean.TRUE.equals(r.getAs("srm_flag"));
      rows.add(
          List.of(
              esc(str(r, "automation")),
              esc(str(r, "metric")),
              Html.count(lng(r, "n_treatment")) + " / " + Html.count(lng(r, "n_holdout")),
              num(dbl(r, "mean_treatment")) + " / " + num(dbl(r, "mean_holdout")),
              "<b>" + num(dbl(r, "abs_lift")) + "</b>",
              interval(num(dbl(r, "abs_ci_low")), num(dbl(r, "abs_ci_high"))),
              "<b>" + pct(dbl(r, "rel_lift"), true) + "</b>",
              interval(pct(dbl(r, "rel_ci_low"), true), pct(dbl(r, "rel_ci_high"), true)),
              num(dbl(r, "p_adjusted")),
              Boolean.TRUE.equals(r.getAs("cuped")) ? "yes" : "no",
              (flagged ? "<span class=\"bad\">SRM</span> " : "ok ")
                  + "p="
                  + esc(String.format(Locale.ROOT, "%.2g", dbl(r, "srm_p"))),
              num(dbl(r, "naive_change"))));
    }
    if (forest.stream().anyMatch(Charts.Interval::complete)) {
      out.chart(
          Charts.forest("Relative lift with 95% interval", "lift (%)", forest),
          "Relative lift (treatment vs holdout) per automation and metric; a bar that crosses 0"
              + " is not a measurable effect.");
    } else {
      out.notAvailable("lift chart", "no row has a relative lift with an interval");
    }
    out.add(
        Html.table(
            List.of(
                "automation",
                "metric",
                "n treat / hold",
                "mean treat / hold",
                "abs lift",
                "abs 95% CI",
                "rel lift",
                "rel 95% CI",
                "p (BH)",
                "CUPED",
                "SRM",
                "naive before/after"),
            rows));
    out.add(
        "<p class=\"note\">The naive before/after change of the treated users is shown for"
            + " contrast only: it has no control group and overstates gains.</p>");
  }

  private static Double times100(Double d) {
    return d == null ? null : d * 100;
  }
}
