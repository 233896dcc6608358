package io.cxlake.jobs.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL script into statements on ';' outside quotes, dropping comment-only pieces. */
final class SqlScript {
  private SqlScript() {}

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inSingle = false;
    boolean inDouble = false;
    boolean inLineComment = false;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      char next = i + 1 < script.length() ? script.charAt(i + 1) : '\0';
      if (inLineComment) {
        if (c == '\n') {
          inLineComment = false;
          cur.append(c);
        }
        continue;
      }
      if (!inSingle && !inDouble && c == '-' && next == '-') {
        inLineComment = true;
        continue;
      }
      if (c == '\'' && !inDouble) {
        inSingle = !inSingle;
      } else if (c == '"' && !inSingle) {
        inDouble = !inDouble;
      }
      if (c == ';' && !inSingle && !inDouble) {
        add(out, cur);
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder s) {
    String t = s.toString().trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
