package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Fetched.dbl;
import static io.cxlake.jobs.report.Fetched.lng;
import static io.cxlake.jobs.report.Fetched.str;
import static io.cxlake.jobs.report.Html.esc;
import static io.cxlake.jobs.report.Html.num;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.cxlake.models.recs.RecsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/** The recommenders' ranking metrics per layer on the time-based holdout, beside popularity. */
final class RecsSection implements Section {
  static final String BASELINE = "popular";
  private static final List<String> METRICS =
      List.of("precision_at_k", "recall_at_k", "ndcg_at_k", "map_at_k", "coverage");

  @Override
  public String id() {
    return "recs";
  }

  @Override
  public String title() {
    return "Recommenders";
  }

  @Override
  public void render(LakeView v, Body out) {
    Fetched f = v.fetch(RecsTable.RECS_METRICS, expr("run_date = " + v.dayLiteral()), col("layer"));
    if (!f.available()) {
      out.notAvailable(
          "recommender metrics", f.missing().get() + " (`train recs` writes it when it trains)");
      return;
    }
    Row popular =
        f.rows().stream().filter(r -> BASELINE.equals(str(r, "layer"))).findFirst().orElse(null);
    Map<String, Map<String, Double>> chart = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (Row r : f.rows()) {
      Map<String, Double> values = new LinkedHashMap<>();
      METRICS.forEach(m -> values.put(m.replace("_at_k", "@k"), dbl(r, m)));
      chart.put(str(r, "layer"), values);
      List<String> cells = new ArrayList<>(List.of(esc(str(r, "layer")), esc(str(r, "k"))));
      METRICS.forEach(m -> cells.add(num(dbl(r, m))));
      cells.add(Html.count(lng(r, "users")));
      cells.add(popular == null ? "–" : vsPopular(dbl(r, "ndcg_at_k"), dbl(popular, "ndcg_at_k")));
      rows.add(cells);
    }
    out.chart(
        Charts.bars("Ranking metrics per layer", "value", chart),
        "Means over the holdout users with a relevant item; `popular` is the baseline every layer"
            + " must beat.");
    List<String> headers = new ArrayList<>(List.of("layer", "k"));
    headers.addAll(List.of("precision@k", "recall@k", "nDCG@k", "MAP@k", "coverage", "users"));
    headers.add("nDCG vs popular");
    out.add(Html.table(headers, rows));
    if (popular == null) {
      out.add(Html.warning("No `popular` row for this date: no baseline to compare with."));
    }
  }

  /** The layer's nDCG as a multiple of popularity's. */
  private static String vsPopular(Double ndcg, Double baseline) {
    if (ndcg == null || baseline == null || baseline == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", ndcg / baseline);
  }
}
