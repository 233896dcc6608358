package io.cxlake.jobs.report;

import static io.cxlake.jobs.report.Html.esc;

import io.cxlake.lake.table.Lake;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly report for one run date as one self-contained HTML page: styles inline, charts as
 * inline SVG, no script, and a Content-Security-Policy that forbids loading anything, so it opens
 * the same from a laptop, a mail attachment or an s3 download with no network.
 */
public final class Report {
  /** The sections, in the order a manager reads them: money first, then models, then the run. */
  static final List<Section> SECTIONS =
      List.of(
          new LiftSection(),
          new RoiSection(),
          new KpiSection(),
          new RecsSection(),
          new ReturnRiskSection(),
          new RunSection(),
          new PublishedSection());

  private Report() {}

  /** The page, how many charts it holds and what it could not show. */
  public record Rendered(String html, int charts, List<String> unavailable) {}

  public static Rendered render(Lake lake, LocalDate day, Instant generatedAt) {
    LakeView view = new LakeView(lake, day);
    StringBuilder nav = new StringBuilder("<nav><ol>");
    StringBuilder main = new StringBuilder();
    List<String> unavailable = new ArrayList<>();
    int charts = 0;
    for (Section s : SECTIONS) {
      Body body = new Body();
      s.render(view, body);
      charts += body.charts();
      unavailable.addAll(body.unavailable());
      nav.append("<li><a href=\"#")
          .append(s.id())
          .append("\">")
          .append(esc(s.title()))
          .append("</a></li>");
      main.append("<section id=\"")
          .append(s.id())
          .append("\"><h2>")
          .append(esc(s.title()))
          .append("</h2>")
          .append(body.html())
          .append("</section>\n");
    }
    nav.append("</ol></nav>");
    String title = "cxlake report " + day;
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            // Nothing may be fetched: the page must be complete as it is.
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; img-src data:\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + esc(title)
            + "</title><style>"
            + CSS
            + "</style></head><body><header><h1>"
            + esc(title)
            + "</h1><p class=\"note\">Run date "
            + esc(day)
            + " · lake "
            + esc(lake.root())
            + " · generated "
            + esc(generatedAt.truncatedTo(ChronoUnit.SECONDS))
            + "</p>"
            + (unavailable.isEmpty()
                ? ""
                : "<p class=\"na\">Not available in this run: "
                    + esc(String.join(", ", unavailable))
                    + ".</p>")
            + (view.truncated().isEmpty()
                ? ""
                : "<p class=\"warn\">Only the first "
                    + LakeView.MAX_ROWS
                    + " rows of "
                    + esc(String.join(", ", view.truncated()))
                    + " are shown.</p>")
            + nav
            + "</header><main>\n"
            + main
            + "</main></body></html>\n";
    return new Rendered(html, charts, List.copyOf(unavailable));
  }

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;\
      color:#222;margin:0 auto;max-width:1200px;padding:1em 2em;line-height:1.4}
      h1{margin-bottom:.2em}h2{border-bottom:2px solid #1f6fb2;padding-bottom:.2em;margin-top:2em}
      h3{margin-top:1.5em}
      nav ol{columns:2;padding-left:1.2em}
      table{border-collapse:collapse;margin:.8em 0;font-size:.85em;font-variant-numeric:tabular-nums}
      th,td{border:1px solid #ddd;padding:.25em .5em;text-align:right;vertical-align:top}
      th{background:#f3f6f9}td:first-child,th:first-child{text-align:left}
      figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
      svg{max-width:100%;height:auto}
      .grid,.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1em}
      .na{color:#8a6d3b;background:#fcf8e3;border-left:4px solid #f0ad4e;padding:.4em .8em}
      .warn{color:#a94442;background:#f2dede;border-left:4px solid #d9534f;padding:.4em .8em}
      .note{color:#555;font-size:.9em}
      .ok{color:#2e7d32}.bad{color:#c62828;font-weight:bold}.warnc{color:#b26a00;font-weight:bold}
      """;
}
