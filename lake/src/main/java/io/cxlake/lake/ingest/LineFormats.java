package io.cxlake.lake.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a raw landing line (JSON object or CSV row) into field name → value. */
public final class LineFormats {
  /** The line cannot be read as a record at all. */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private LineFormats() {}

  static JsonNode json(String line) throws Malformed {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) {
        throw new Malformed("not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new Malformed("not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The object's fields as plain values; nested objects and arrays stay JSON text. */
  static Map<String, Object> fieldsOf(JsonNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    n.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              Object value;
              if (v.isNull()) {
                value = null;
              } else if (v.isTextual()) {
                value = v.textValue();
              } else if (v.isNumber()) {
                value = v.numberValue();
              } else if (v.isBoolean()) {
                value = v.booleanValue();
              } else {
                value = new Fields.Complex(v.toString());
              }
              out.put(e.getKey(), value);
            });
    return out;
  }

  /** A CSV row against its header: RFC 4180 quotes, the field count must match. */
  static Map<String, Object> csv(String line, String[] header) throws Malformed {
    List<String> cells = split(line);
    if (cells.size() != header.length) {
      throw new Malformed("expected " + header.length + " fields, found " + cells.size());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      out.put(header[i], cells.get(i));
    }
    return out;
  }

  /** CSV fields (RFC 4180 double quotes). */
  public static List<String> split(String line) throws Malformed {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new Malformed("unterminated quote");
    }
    cells.add(cur.toString());
    return cells;
  }
}
