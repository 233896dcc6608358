package io.cxlake.lake.sim;

/** Just enough JSON writing for landing lines: the simulator controls every byte it emits. */
final class Json {
  private final StringBuilder sb = new StringBuilder("{");

  Json put(String key, Object value) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(key).append("\":");
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof Raw raw) {
      sb.append(raw.json());
    } else {
      sb.append(quote(value.toString()));
    }
    return this;
  }

  /** A value written as is (an array or object built elsewhere). */
  record Raw(String json) {}

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  @Override
  public String toString() {
    return sb + "}";
  }
}
