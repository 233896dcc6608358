package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Html.money;
import static io.cxlake.jobs.report.Html.pct;
import static org.apache.spark.sql.functions.col;

import io.cxlake.models.kpi.KpiTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** KPI trends over the days up to the run date, all regions and channels together. */
final class KpiSection implements Section {
  /** Days of trend shown, the run date included. */
  static final int DAYS = 90;

  /** Days in the table under the charts, newest first. */
  static final int TABLE_DAYS = 7;

  private record Kpi(String name, Function<KpiRollup, Double> value, boolean money) {}

  private static final List<Kpi> KPIS =
      List.of(
          new Kpi("conversion rate (orders / visitors)", KpiRollup::conversionRate, false),
          new Kpi("average order value", KpiRollup::avgOrderValue, true),
          new Kpi("revenue per visitor", KpiRollup::revenuePerVisitor, true),
          new Kpi("return rate (units)", KpiRollup::returnRate, false),
          new Kpi("recommendation click-through rate", KpiRollup::recCtr, false),
          new Kpi("support bot containment rate", KpiRollup::botContainmentRate, false),
          new Kpi("repeat purchase within 30 days", KpiRollup::repeat30Rate, false));

  @Override
  public String id() {
    return "kpis";
  }

  @Override
  public String title() {
    return "KPI trends";
  }

  @Override
  public void render(LakeView v, Body out) {
    LocalDate from = v.day().minusDays(DAYS - 1);
    if (!v.lake().exists(KpiTable.KPI_DAILY)) {
      out.notAvailable(
          "KPI trends", "table `kpi_daily` does not exist yet (the `kpis` step writes it)");
      return;
    }
    // Summed per date in Spark: a few hundred rows at most reach the driver.
    List<Row> sums =
        KpiRollup.sums(
                v.lake()
                    .read(KpiTable.KPI_DAILY)
                    .where(col("date").between(Date.valueOf(from), Date.valueOf(v.day()))))
            .limit(DAYS)
            .collectAsList();
    if (sums.isEmpty()) {
      out.notAvailable(
          "KPI trends", "table `kpi_daily` has no rows from " + from + " to " + v.day());
      return;
    }
    List<KpiRollup> days = sums.stream().map(KpiRollup::of).toList();
    out.add(
        "<p>"
            + days.size()
            + " day(s) from "
            + days.get(0).date()
            + " to "
            + days.get(days.size() - 1).date()
            + ", all regions and channels; rates recomputed from the summed counts.</p>");
    out.add("<div class=\"grid\">");
    for (Kpi k : KPIS) {
      Map<LocalDate, Double> series = new LinkedHashMap<>();
      days.forEach(d -> series.put(d.date(), k.value().apply(d)));
      if (series.values().stream().allMatch(x -> x == null)) {
        out.notAvailable(k.name(), "no day in range has the counts it needs");
      } else {
        out.chart(Charts.trend(k.name(), series, !k.money()), k.name() + " per day");
      }
    }
    out.add("</div>");
    List<String> headers = new ArrayList<>(List.of("date", "visitors", "orders", "revenue"));
    KPIS.forEach(k -> headers.add(k.name()));
    List<List<String>> rows = new ArrayList<>();
    for (int i = days.size() - 1; i >= Math.max(0, days.size() - TABLE_DAYS); i--) {
      KpiRollup d = days.get(i);
      List<String> cells =
          new ArrayList<>(
              List.of(
                  d.date().toString(),
                  Html.count(d.visitors()),
                  Html.count(d.orders()),
                  money(d.revenue())));
      for (Kpi k : KPIS) {
        cells.add(k.money() ? money(k.value().apply(d)) : pct(k.value().apply(d), false));
      }
      rows.add(cells);
    }
    out.add(Html.table(headers, rows));
  }
}
