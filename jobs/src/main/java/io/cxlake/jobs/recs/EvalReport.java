package io.cxlake.jobs.recs;

import io.cxlake.models.recs.HoldoutEvaluation;
import io.cxlake.models.recs.RankingEvaluation;
import java.util.Locale;
import java.util.Map;

/** The eval report as a text table and as JSON. */
final class EvalReport {
  private EvalReport() {}

  static String table(HoldoutEvaluation.Report r, int k, String model) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %12s %10s %8s %8s %9s %7s%n",
            "",
            "precision@" + k,
            "recall@" + k,
            "nDCG@" + k,
            "MAP@" + k,
            "coverage",
            "users"));
    for (var e : r.results().entrySet()) {
      RankingEvaluation.Result m = e.getValue();
      String name = e.getKey().equals("model") ? "model (" + model + ")" : e.getKey();
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %12.4f %10.4f %8.4f %8.4f %9.4f %7d%n",
              name,
              m.precision(),
              m.recall(),
              m.ndcg(),
              m.map(),
              m.coverage(),
              m.users()));
    }
    b.append("sizes: ").append(r.sizes()).append('\n');
    b.append("params: ").append(r.params()).append('\n');
    return b.toString();
  }

  static String json(
      HoldoutEvaluation.Report r,
      int k,
      String model,
      String split,
      long seed,
      boolean excludeSeen) {
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"k\": ").append(k).append(",\n");
    b.append("  \"model_name\": ").append(str(model)).append(",\n");
    b.append("  \"split\": ").append(str(split)).append(",\n");
    b.append("  \"seed\": ").append(seed).append(",\n");
    b.append("  \"exclude_seen\": ").append(excludeSeen).append(",\n");
    for (var e : r.results().entrySet()) {
      b.append("  ").append(str(e.getKey())).append(": {");
      int i = 0;
      for (Map.Entry<String, Double> m : e.getValue().asMap().entrySet()) {
        b.append(i++ == 0 ? "" : ", ")
            .append(str(m.getKey()))
            .append(": ")
            .append(num(m.getValue()));
      }
      b.append(", \"users\": ").append(e.getValue().users()).append("},\n");
    }
    b.append("  \"sizes\": {");
    int i = 0;
    for (var e : r.sizes().entrySet()) {
      b.append(i++ == 0 ? "" : ", ").append(str(e.getKey())).append(": ").append(e.getValue());
    }
    b.append("},\n  \"params\": {");
    i = 0;
    for (var e : r.params().entrySet()) {
      b.append(i++ == 0 ? "" : ", ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
    }
    return b.append("}\n}\n").toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
