package io.cxlake.jobs.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's HTML pieces and number formats. Every string that came from the lake goes through
 * {@link #esc}; numbers are formatted with {@link Locale#ROOT} so a report reads the same on any
 * machine.
 */
final class Html {
  private Html() {}

  /** Escapes text for an HTML element or a quoted attribute. */
  static String esc(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A plain number: 4 decimals (lifts of rates and of money alike stay readable). */
  static String num(Double d) {
    return d == null || d.isNaN() ? "–" : String.format(Locale.ROOT, "%.4f", d);
  }

  /** A metric value: whole numbers (row counts) as counts, anything else as {@link #num}. */
  static String value(Double d) {
    if (d != null && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return count(d.longValue());
    }
    return num(d);
  }

  /** A share as a percentage with one decimal, signed when asked: 0.1234 → "+12.3%". */
  static String pct(Double d, boolean signed) {
    return d == null || d.isNaN()
        ? "–"
        : String.format(Locale.ROOT, signed ? "%+.1f%%" : "%.1f%%", d * 100);
  }

  /** Money with thousands separators and cents. */
  static String money(Double d) {
    return d == null || d.isNaN() ? "–" : String.format(Locale.ROOT, "%,.2f", d);
  }

  /** A count with thousands separators. */
  static String count(Long n) {
    return n == null ? "–" : String.format(Locale.ROOT, "%,d", n);
  }

  /** An interval as "[low, high]" in the given format. */
  static String interval(String low, String high) {
    return "[" + low + ", " + high + "]";
  }

  /** The line a section shows instead of its content when its data is missing. */
  static String notAvailable(String why) {
    return "<p class=\"na\">Not available: " + esc(why) + "</p>";
  }

  /** A warning line (already escaped content). */
  static String warning(String html) {
    return "<p class=\"warn\">" + html + "</p>";
  }

  /** A table: header labels (plain text) and rows of cells that are already HTML. */
  static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table><thead><tr>");
    headers.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      b.append("<tr>");
      r.forEach(c -> b.append("<td>").append(c).append("</td>"));
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** A figure holding an inline SVG chart. */
  static String figure(String svg, String caption) {
    return "<figure>" + svg + "<figcaption>" + esc(caption) + "</figcaption></figure>";
  }
}
