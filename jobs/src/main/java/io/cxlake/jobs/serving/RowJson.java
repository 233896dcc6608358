package io.cxlake.jobs.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of published rows: a Redis value (the rows of one key, without the key column, as
 * column names and arrays of values), a list column in SQLite, and a row the lookup command prints.
 */
public final class RowJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RowJson() {}

  /**
   * The rows of one key without the key column, as a Redis hash value: {@code
   * {"columns":["rank","item_id",...],"rows":[[1,"i-8812",...],[2,...]]}}. The column names once
   * per key, not once per row: half the bytes of an array of objects to encode, send and hold.
   */
  public static String encodeGroup(ServingTable t, List<List<Object>> rows) {
    return new String(encodeGroup(t, rows, new JsonBytes()), StandardCharsets.UTF_8);
  }

  /** {@link #encodeGroup(ServingTable, List)} as UTF-8 bytes, written through {@code out}. */
  static byte[] encodeGroup(ServingTable t, List<List<Object>> rows, JsonBytes out) {
    // Written by hand, not through a tree or a generator: this runs for every key of every publish
    // to Redis, and is the largest cost of a 1M-row publish (benchmarks/serving.md).
    List<ServingTable.Column> cols = t.columns();
    int key = t.keyIndex();
    out.clear();
    out.raw(HEADS.get(t));
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      if (r > 0) {
        out.raw((byte) ',');
      }
      out.raw((byte) '[');
      boolean first = true;
      for (int i = 0; i < cols.size(); i++) {
        if (i == key) {
          continue;
        }
        if (!first) {
          out.raw((byte) ',');
        }
        first = false;
        Object v = row.get(i);
        if (v == null) {
          out.nul();
          continue;
        }
        switch (cols.get(i).type()) {
          case TEXT -> out.string((String) v);
          case INT -> out.number(((Number) v).intValue());
          case DOUBLE -> out.number(((Number) v).doubleValue());
          case TEXT_LIST -> {
            out.raw((byte) '[');
            List<?> l = (List<?>) v;
            for (int x = 0; x < l.size(); x++) {
              if (x > 0) {
                out.raw((byte) ',');
              }
              out.string(String.valueOf(l.get(x)));
            }
            out.raw((byte) ']');
          }
        }
      }
      out.raw((byte) ']');
    }
    out.raw((byte) ']');
    out.raw((byte) '}');
    return out.toBytes();
  }

  /** Per table, the value's start up to its first row: {@code {"columns":[...],"rows":[}. */
  private static final Map<ServingTable, byte[]> HEADS = new EnumMap<>(ServingTable.class);

  static {
    for (ServingTable t : ServingTable.values()) {
      JsonBytes b = new JsonBytes();
      b.raw("{\"columns\":[".getBytes(StandardCharsets.UTF_8));
      boolean first = true;
      for (ServingTable.Column c : t.columns()) {
        if (!c.name().equals(t.key())) {
          if (!first) {
            b.raw((byte) ',');
          }
          b.string(c.name());
          first = false;
        }
      }
      b.raw("],\"rows\":[".getBytes(StandardCharsets.UTF_8));
      HEADS.put(t, b.toBytes());
    }
  }

  /** The rows of {@code key} back from {@link #encodeGroup}, with the key column restored. */
  public static List<List<Object>> decodeGroup(ServingTable t, String key, String json) {
    JsonNode value = read(json);
    if (value.isArray()) {
      return decodeObjects(t, key, value);
    }
    JsonNode names = value.get("columns");
    JsonNode rowsNode = value.get("rows");
    if (names == null || rowsNode == null) {
      throw new ServingException("unreadable value of '" + key + "': no columns or rows");
    }
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      at.put(names.get(i).asText(), i);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode r : rowsNode) {
      List<Object> row = new ArrayList<>();
      for (ServingTable.Column c : t.columns()) {
        Integer i = at.get(c.name());
        row.add(c.name().equals(t.key()) ? key : value(c.type(), i == null ? null : r.get(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The value as versions published before 2026-11-25 hold it, an array of one object per row, so
   * that a rollback to one of them still reads.
   */
  private static List<List<Object>> decodeObjects(ServingTable t, String key, JsonNode array) {
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode o : array) {
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
