package io.cxlake.jobs.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The harness's results as a Markdown table and as JSON: the measures, then the judged ratios. */
final class BenchReport {
  private BenchReport() {}

  static String markdown(Map<String, Object> about, List<Measure> measures, List<Ratio> ratios) {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", about.keySet())).append(" |\n");
    b.append("|").append("---|".repeat(about.size())).append('\n');
    b.append("| ")
        .append(String.join(" | ", about.values().stream().map(String::valueOf).toList()))
        .append(" |\n\n");
    b.append("| ratio | value | goal | verdict | measured as |\n|---|---|---|---|---|\n");
    for (Ratio r : ratios) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s %s | %s | %s / %s%s |%n",
              r.name(),
              r.value(measures).map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("–"),
              Double.isNaN(r.goal()) ? "" : r.atMost() ? "≤" : "≥",
              Double.isNaN(r.goal()) ? "none" : fmt(r.goal()),
              r.verdict(measures),
              r.numerator(),
              r.denominator(),
              r.note().isEmpty() ? "" : "; " + r.note()));
    }
    b.append(
        "\n| step | measure | seconds | runs | rows | rows/s | peak driver heap (MB) | note |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (Measure m : measures) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %,d | %s | %s | %s |%n",
              m.group(),
              m.name(),
              m.measured() ? String.format(Locale.ROOT, "%.1f", m.seconds()) : "–",
              m.runs(),
              m.rows(),
              Double.isNaN(m.rowsPerSecond())
                  ? "–"
                  : String.format(Locale.ROOT, "%,.0f", m.rowsPerSecond()),
              m.measured() && m.peakHeapBytes() >= 0 ? Long.toString(m.peakHeapBytes() >> 20) : "–",
              m.note()));
    }
    return b.toString();
  }

  static String json(Map<String, Object> about, List<Measure> measures, List<Ratio> ratios) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("about", about);
    List<Map<String, Object>> ms = new ArrayList<>();
    for (Measure m : measures) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("step", m.group());
      o.put("measure", m.name());
      o.put("seconds", m.measured() ? m.seconds() : null);
      o.put("runs", m.runs());
      o.put("rows", m.rows());
      o.put("rows_per_second", Double.isNaN(m.rowsPerSecond()) ? null : m.rowsPerSecond());
      o.put(
          "peak_driver_heap_bytes",
          m.measured() && m.peakHeapBytes() >= 0 ? m.peakHeapBytes() : null);
      o.put("note", m.note());
      ms.add(o);
    }
    root.put("measures", ms);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (Ratio r : ratios) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ratio", r.name());
      o.put("value", r.value(measures).orElse(null));
      o.put("goal", Double.isNaN(r.goal()) ? null : r.goal());
      o.put("goal_is", r.atMost() ? "at_most" : "at_least");
      o.put("verdict", r.verdict(measures));
      o.put("numerator", r.numerator());
      o.put("denominator", r.denominator());
      rs.add(o);
    }
    root.put("ratios", rs);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bench results do not serialize", e);
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
