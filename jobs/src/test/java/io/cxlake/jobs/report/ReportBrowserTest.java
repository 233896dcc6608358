package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.PlantedLake.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cxlake.lake.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report in a real browser: it loads without any error and without fetching anything, and a
 * screenshot of it lands under target/report-browser/. Skipped (with the reason) where no Chromium
 * is on the PATH; .ci/run installs it, so CI always runs it.
 */
@ExtendWith(SparkExtension.class)
class ReportBrowserTest {
  private static final Path DIR = Path.of("target", "report-browser");
  private static HeadlessChromium chromium;
  private static String html;

  @BeforeAll
  static void render(SparkSession spark) throws Exception {
    Optional<HeadlessChromium> c = HeadlessChromium.find();
    assumeTrue(
        c.isPresent(),
        "no chromium on the PATH (apt-get install chromium, or run .ci/run, which installs it)");
    chromium = c.get();
    html =
        Report.render(PlantedLake.shared(spark), D, Instant.parse("2026-11-21T03:00:00Z")).html();
    Files.createDirectories(DIR);
  }

  private static Path page(String name, String content) throws Exception {
    Path p = DIR.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theReportLoadsWithoutErrorsAndIsScreenshot() throws Exception {
    Path page = page("index.html", html);
    assertThat(chromium.pageErrors(page)).isEmpty();
    Path png = DIR.resolve("report.png");
    chromium.screenshot(page, png, 1280, 4000);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void theErrorCheckSeesABrokenScriptAndAnyFetch() throws Exception {
    String broken = html.replace("</body>", "<script>noSuchFunction()</script></body>");
    assertThat(chromium.pageErrors(page("broken-script.html", broken))).contains("script-src");

    // The same script with the page's policy removed: the error itself is caught.
    String unguarded = broken.replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    assertThat(chromium.pageErrors(page("unguarded-script.html", unguarded)))
        .contains("noSuchFunction");

    // A page that would fetch anything is caught: the report must be complete offline.
    String fetching = html.replace("</body>", "<img src=\"http://127.0.0.1:9/x.png\"></body>");
    assertThat(chromium.pageErrors(page("fetching.html", fetching)))
        .contains("csp: img-src http://127.0.0.1:9/x.png");
  }
}
