package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.dbl;
import static io.cxlake.jobs.report.Fetched.lng;
import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.interval;
import static io.cxlake.jobs.report.Html.money;
import static io.cxlake.jobs.report.Html.pct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.models.impact.ImpactTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/** ROI per automation with its 95% interval, P(ROI > 0) and payback period. */
final class RoiSection implements Section {
  @Override
  public String id() {
    return "roi";
  }

  @Override
  public String title() {
    return "Return on investment";
  }

  @Override
  public void render(LakeView v, Body out) {
    Fetched f = v.fetch(ImpactTable.ROI, expr("run_date = " + v.dayLiteral()), col("automation"));
    if (!f.available()) {
      out.notAvailable("roi", f.missing().get() + " (`measure` writes it)");
      return;
    }
    List<Charts.Interval> forest = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      String a = str(r, "automation");
      forest.add(
          new Charts.Interval(
              a,
              times100(dbl(r, "roi")),
              times100(dbl(r, "roi_ci_low")),
              times100(dbl(r, "roi_ci_high"))));
      Double payback = dbl(r, "payback_days");
      rows.add(
          List.of(
              esc(a),
              esc(str(r, "window_start")) + " – " + esc(str(r, "window_end")),
              Html.count(lng(r, "eligible_users")),
              money(dbl(r, "incremental_gross_profit")),
              money(dbl(r, "operating_cost"))
                  + " <small>("
                  + esc(str(r, "cost_source"))
                  + ")</small>",
              money(dbl(r, "net_benefit")),
              "<b>" + pct(dbl(r, "roi"), false) + "</b>",
              interval(pct(dbl(r, "roi_ci_low"), false), pct(dbl(r, "roi_ci_high"), false)),
              pct(dbl(r, "p_roi_positive"), false),
              payback == null
                  ? "never (earns nothing)"
                  : String.format(Locale.ROOT, "%.1f days", payback),
              Boolean.TRUE.equals(r.getAs("srm_flag")) ? "<span class=\"bad\">SRM</span>" : "ok"));
    }
    if (forest.stream().anyMatch(Charts.Interval::complete)) {
      out.chart(
          Charts.forest("ROI with 95% interval", "ROI (%)", forest),
          "Net benefit over operating cost per automation; left of 0 the automation costs more"
              + " than it earns.");
    } else {
      out.notAvailable("ROI chart", "no automation has an ROI with an interval");
    }
    out.add(
        Html.table(
            List.of(
                "automation",
                "window",
                "eligible users",
                "incremental gross profit",
                "operating cost",
                "net benefit",
                "ROI",
                "ROI 95% CI",
                "P(ROI > 0)",
                "payback",
                "SRM"),
            rows));
  }

  private static Double times100(Double d) {
    return d == null ? null : d * 100;
  }
}
