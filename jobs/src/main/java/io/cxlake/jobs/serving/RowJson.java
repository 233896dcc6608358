package io.cxlake.jobs.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON forms of published rows: a Redis value (the rows of one key as an array of objects,
 * without the key column), a list column in SQLite, and a row the lookup command prints.
 */
public final class RowJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RowJson() {}

  /** The rows of one key as a JSON array of objects without the key column: a Redis hash value. */
  public static String encodeGroup(ServingTable t, List<List<Object>> rows) {
    // Written by hand, not through a tree or a generator: this runs for every key of every publish
    // to Redis, and was the largest cost of a 1M-row publish (benchmarks/serving.md).
    List<ServingTable.Column> cols = t.columns();
    int key = t.keyIndex();
    StringBuilder sb = new StringBuilder(96 * rows.size());
    sb.append('[');
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      sb.append(r == 0 ? "{" : ",{");
      boolean first = true;
      for (int i = 0; i < cols.size(); i++) {
        if (i == key) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        ServingTable.Column c = cols.get(i);
        sb.append('"').append(c.name()).append("\":");
        Object v = row.get(i);
        if (v == null) {
          sb.append("null");
          continue;
        }
        switch (c.type()) {
          case TEXT -> quote(sb, (String) v);
          case INT -> sb.append(((Number) v).intValue());
          case DOUBLE -> number(sb, ((Number) v).doubleValue());
          case TEXT_LIST -> {
            sb.append('[');
            List<?> l = (List<?>) v;
            for (int x = 0; x < l.size(); x++) {
              if (x > 0) {
                sb.append(',');
              }
              quote(sb, String.valueOf(l.get(x)));
            }
            sb.append(']');
          }
        }
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** A JSON number; NaN and infinities have none, so they are written as null. */
  private static void number(StringBuilder sb, double d) {
    if (Double.isFinite(d)) {
      sb.append(d); // Double.toString: the shortest text that reads back as the same double
    } else {
      sb.append("null");
    }
  }

  /** A JSON string: quote, backslash and control characters escaped. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    sb.append('"');
  }

  /** The rows of {@code key} back from {@link #encodeGroup}, with the key column restored. */
  public static List<List<Object>> decodeGroup(ServingTable t, String key, String json) {
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode o : read(json)) {
      List<Object> row = new ArrayList<>();
      for (ServingTable.Column c : t.columns()) {
        row.add(c.name().equals(t.key()) ? key : value(c.type(), o.get(c.name())));
      }
      rows.add(row);
    }
    return rows;
  }

  /** One row as a JSON object with every column: what {@code lookup} prints. */
  public static String encodeRow(ServingTable t, List<Object> row) {
    return write(object(t, row, true));
  }

  public static String encodeList(List<?> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(v -> a.add(String.valueOf(v)));
    return write(a);
  }

  public static List<String> decodeList(String json) {
    List<String> out = new ArrayList<>();
    read(json).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static ObjectNode object(ServingTable t, List<Object> row, boolean withKey) {
    ObjectNode o = JSON.createObjectNode();
    List<ServingTable.Column> cols = t.columns();
    for (int i = 0; i < cols.size(); i++) {
      ServingTable.Column c = cols.get(i);
      if (!withKey && c.name().equals(t.key())) {
        continue;
      }
      Object v = row.get(i);
      switch (c.type()) {
        case TEXT -> o.put(c.name(), (String) v);
        case INT -> o.put(c.name(), ((Number) v).intValue());
        case DOUBLE -> o.put(c.name(), ((Number) v).doubleValue());
        case TEXT_LIST -> {
          ArrayNode a = o.putArray(c.name());
          ((List<?>) v).forEach(x -> a.add(String.valueOf(x)));
        }
      }
    }
    return o;
  }

  private static Object value(ServingTable.Type type, JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return switch (type) {
      case TEXT -> n.asText();
      case INT -> n.asInt();
      case DOUBLE -> n.asDouble();
      case TEXT_LIST -> {
        List<String> l = new ArrayList<>();
        n.forEach(x -> l.add(x.asText()));
        yield l;
      }
    };
  }

  private static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ServingException("unreadable JSON value in the serving store: " + e.getMessage());
    }
  }
}
