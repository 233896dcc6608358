package io.cxlake.jobs.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** How {@code sql} prints rows: an aligned table, CSV with a header, or JSON lines. */
public enum SqlFormat {
  table,
  csv,
  json;

  static String render(SqlFormat f, String[] columns, List<Row> rows) {
    return switch (f) {
      case table -> table(columns, rows);
      case csv -> csv(columns, rows);
      case json -> json(rows);
    };
  }

  private static String table(String[] columns, List<Row> rows) {
    int[] width = new int[columns.length];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      width[i] = columns[i].length();
    }
    for (Row r : rows) {
      String[] c = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        c[i] = String.valueOf(r.get(i));
        width[i] = Math.max(width[i], c[i].length());
      }
      cells.add(c);
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    }
    sb.append(rule).append('\n');
    cells.forEach(c -> line(sb, c, width));
    sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cells[i]));
    }
    sb.append('\n');
  }

  private static String csv(String[] columns, List<Row> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", quoteAll(columns))).append('\n');
    for (Row r : rows) {
      String[] c = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        c[i] = r.isNullAt(i) ? "" : String.valueOf(r.get(i));
      }
      sb.append(String.join(",", quoteAll(c))).append('\n');
    }
    return sb.toString();
  }

  private static String[] quoteAll(String[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      boolean needs = v.contains(",") || v.contains("\"") || v.contains("\n");
      out[i] = needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
    return out;
  }

  private static String json(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> sb.append(r.json()).append('\n'));
    return sb.toString();
  }
}
