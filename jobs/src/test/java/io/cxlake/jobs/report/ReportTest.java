package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.PlantedLake.D;
import static io.cxlake.jobs.report.PlantedLake.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.kpi.KpiTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The report of a lake with known rows: its numbers, its charts, its escaping, its gaps. */
@ExtendWith(SparkExtension.class)
class ReportTest {
  /** The HTML of one section, by its id. */
  static String section(String html, String id) {
    Matcher m =
        Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("section " + id).isTrue();
    return m.group(1);
  }

  static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  @Test
  void theCommandWritesThePlantedNumbersAndAChartPerSection(SparkSession spark, @TempDir Path out)
      throws Exception {
    Lake lake = PlantedLake.shared(spark);
    int code =
        Main.run(
            Secrets.fromEnvironment(),
            "report",
            "--set",
            "lake.root=" + lake.root(),
            "--run-date",
            D.toString(),
            "--out",
            out.toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out).isDirectoryContaining("glob:**/index.html");
    assertThat(Files.list(out).map(p -> p.getFileName().toString())).containsExactly("index.html");
    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    // Kept for a look by eye after the build.
    Path copy = Path.of("target", "report-test", "index.html");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, html, StandardCharsets.UTF_8);

    String lift = section(html, "lift");
    assertThat(count(lift, "<svg")).isEqualTo(1);
    assertThat(lift)
        .contains("<td><b>0.0123</b></td><td>[-0.0011, 0.0257]</td><td><b>+15.4%</b></td>")
        .contains("<td>[-1.4%, +32.2%]</td>")
        .contains("<td>8,000 / 2,000</td><td>0.0921 / 0.0798</td>")
        .contains("<td><b>1.5000</b></td><td>[0.2500, 2.7500]</td><td><b>+12.5%</b></td>")
        .contains("Sample-ratio mismatch in <b>homepage_recs</b> (SRM p = 0.00040)")
        .contains("<span class=\"bad\">SRM</span> p=0.00040")
        // The forest plot labels its rows with automation and metric.
        .contains("cart_email · conversion")
        .contains("homepage_recs · revenue_per_user")
        .doesNotContain("0.9876");
    assertThat(count(lift, "Sample-ratio mismatch in")).isEqualTo(1);

    String roi = section(html, "roi");
    assertThat(count(roi, "<svg")).isEqualTo(1);
    assertThat(roi)
        .contains(
            "<td>12,345.68</td><td>4,321.00 <small>(costs_table)</small></td><td>8,024.68</td>"
                + "<td><b>187.5%</b></td><td>[42.0%, 333.0%]</td><td>98.7%</td><td>12.5 days</td>")
        .contains("<td><b>-103.6%</b></td><td>[-150.0%, -50.0%]</td><td>0.0%</td>")
        .contains("never (earns nothing)");

    String kpis = section(html, "kpis");
    assertThat(count(kpis, "<svg")).isEqualTo(7);
    // Rates recomputed from the summed counts of both regions.
    assertThat(kpis)
        .contains(
            "<td>"
                + D
                + "</td><td>400</td><td>16</td><td>1,300.00</td><td>4.0%</td><td>81.25</td>"
                + "<td>3.25</td><td>20.0%</td><td>5.0%</td><td>40.0%</td><td>25.0%</td>")
        .contains("<td>" + D.minusDays(1) + "</td><td>200</td><td>8</td>");

    String recs = section(html, "recs");
    assertThat(count(recs, "<svg")).isEqualTo(1);
    assertThat(recs)
        .contains("<td>blend</td><td>10</td><td>0.1200</td><td>0.3000</td><td>0.2500</td>")
        .contains("<td>2.50×</td>");

    String risk = section(html, "return-risk");
    assertThat(count(risk, "<svg")).isEqualTo(3);
    assertThat(risk)
        .contains("<td>auc_roc</td><td>0.7312</td><td>0.6101</td>")
        .contains("ROC on the test slice")
        .contains("Reliability on the test slice")
        .contains("&lt;script&gt;");

    String run = section(html, "run");
    assertThat(run)
        .contains("<td>quality ok</td>")
        .contains("<td>12.5 s</td>")
        .contains("<td>events</td><td>row_count</td><td>12,345</td>")
        .contains("<td>0.1234</td><td><span class=\"warnc\">warn</span></td>")
        .contains("1 warning(s)");
    String published = section(html, "published");
    assertThat(published)
        .contains("Serving version <b>7</b> published")
        .contains("<td>return_risk</td><td>return_risk-" + D + "</td>")
        .contains("<td>promoted</td>");

    // Nothing from the lake reaches the page as markup, in tables or in charts.
    assertThat(html).doesNotContain(HOSTILE).doesNotContain("<script");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).doesNotContain("Not available");
  }

  @Test
  void anEmptyLakeGivesAReportThatSaysWhatIsMissing(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    // kpi_daily present but empty: its own reason.
    lake.create(KpiTable.KPI_DAILY);
    Report.Rendered r = Report.render(lake, D, Instant.parse("2026-11-21T03:00:00Z"));
    assertThat(r.charts()).isZero();
    assertThat(r.unavailable())
        .contains(
            "lift",
            "roi",
            "KPI trends",
            "recommender metrics",
            "return-risk metrics",
            "ROC curve",
            "reliability curve",
            "fairness check",
            "run ledger",
            "data-quality metrics",
            "drift metrics",
            "serving version",
            "model versions",
            "registry events");
    assertThat(section(r.html(), "lift"))
        .contains("Not available: lift: table `lift` does not exist yet");
    assertThat(section(r.html(), "kpis"))
        .contains(
            "Not available: KPI trends: table `kpi_daily` has no rows from "
                + D.minusDays(KpiSection.DAYS - 1)
                + " to "
                + D);
    assertThat(count(r.html(), "<svg")).isZero();
  }
}
