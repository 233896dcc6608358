package io.cxlake.lake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Each landing source: its table, CSV header (for CSV sources), and how one record's fields become
 * the table's columns. Parsing is plain Java over {@link Fields}; Spark runs it per line.
 */
enum Source {
  ITEMS(Landing.ITEMS, Table.ITEMS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("item_id", f.id("item_id"));
      c.put("title", f.text("title"));
      c.put("description", f.text("description"));
      c.put("category", f.text("category"));
      c.put("brand", f.text("brand"));
      c.put("list_price", f.price("list_price", true));
      c.put("size_sensitive", f.bool("size_sensitive", true));
      c.put("in_stock", f.bool("in_stock", true));
      c.put("updated_at", f.timestamp("updated_at", true));
      if (c.get("title") == null || c.get("category") == null) {
        f.problem(Reason.MISSING_ID, "title or category is missing");
      }
    }
  },
  CUSTOMERS(Landing.CUSTOMERS, Table.CUSTOMERS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("user_id", f.id("user_id"));
      c.put("email_hash", p.hash(Pseudonymiser.email(f.text("email"))));
      c.put("phone_hash", p.hash(Pseudonymiser.phone(f.text("phone"))));
      String region = f.text("region");
      c.put("region", region == null ? "unknown" : region);
      c.put("country", f.text("country"));
      c.put("signup_date", f.date("signup_date", false));
      c.put("consent_personalisation", f.bool("consent_personalisation", true));
      c.put("consent_marketing", f.bool("consent_marketing", true));
      c.put("consent_profiling", f.bool("consent_profiling", true));
      c.put("updated_at", f.timestamp("updated_at", true));
    }
  },
  EVENTS(Landing.EVENTS, Table.EVENTS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("event_id", f.id("event_id"));
      c.put("user_id", f.id("user_id"));
      c.put("session_id", f.id("session_id"));
      String type = f.id("event_type");
      if (type != null && !Landing.EVENT_TYPES.contains(type)) {
        f.problem(Reason.UNKNOWN_EVENT_TYPE, "event_type " + type);
      }
      c.put("event_type", type);
      c.put("item_id", f.text("item_id"));
      Timestamp ts = f.timestamp("ts", true);
      c.put("ts", ts);
      c.put("price", f.price("price", false));
      c.put("quantity", f.quantity("quantity", false));
      c.put("query", freeText(f.text("query"), p));
      c.put("channel", f.text("channel"));
      c.put("device", f.text("device"));
      c.put("automation", f.text("automation"));
      c.put("position", f.integer("position", false));
      c.put("event_date", dateOf(ts));
    }
  },
  ORDERS(Landing.ORDERS, Table.ORDERS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("order_id", f.id("order_id"));
      c.put("user_id", f.id("user_id"));
      Timestamp at = f.timestamp("ordered_at", true);
      c.put("ordered_at", at);
      c.put("channel", f.text("channel"));
      c.put("device", f.text("device"));
      JsonNode lines = node == null ? null : node.get("lines");
      List<Row> out = new ArrayList<>();
      double total = 0;
      if (lines == null || !lines.isArray() || lines.isEmpty()) {
        f.problem(Reason.MALFORMED, "order has no lines array");
      } else {
        for (JsonNode l : lines) {
          Fields lf = new Fields(LineFormats.fieldsOf(l), f.latestAllowed(), f.maxChars());
          Integer lineNo = lf.integer("line_no", true);
          String item = lf.id("item_id");
          String variant = lf.text("variant");
          Integer qty = lf.quantity("quantity", true);
          Double list = lf.price("list_price", true);
          Double unit = lf.price("unit_price", true);
          if (lf.reason() != null) {
            f.problem(lf.reason(), "line " + out.size() + ": " + lf.detail());
          } else {
            total += unit * qty;
            out.add(RowFactory.create(lineNo, item, variant, qty, list, unit));
          }
        }
      }
      c.put("n_lines", out.size());
      c.put("total_amount", Math.round(total * 100) / 100.0);
      c.put("order_date", dateOf(at));
      c.put("lines", out);
    }
  },
  RETURNS(Landing.RETURNS, Table.RETURNS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("return_id", f.id("return_id"));
      c.put("order_id", f.id("order_id"));
      c.put("line_no", f.integer("line_no", false));
      c.put("item_id", f.id("item_id"));
      c.put("user_id", f.id("user_id"));
      c.put("quantity", f.quantity("quantity", true));
      Timestamp at = f.timestamp("returned_at", true);
      c.put("returned_at", at);
      c.put("reason", f.text("reason"));
      c.put("refund_amount", f.price("refund_amount", true));
      c.put("return_date", dateOf(at));
    }
  },
  TICKETS(Landing.TICKETS, Table.TICKETS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("ticket_id", f.id("ticket_id"));
      c.put("user_id", f.id("user_id"));
      c.put("order_id", f.text("order_id"));
      Timestamp at = f.timestamp("created_at", true);
      c.put("created_at", at);
      c.put("channel", f.text("channel"));
      c.put("subject", freeText(f.text("subject"), p));
      String body = freeText(f.text("body"), p);
      c.put("body", body == null ? "" : body);
      c.put("resolved_at", f.timestamp("resolved_at", false));
      c.put("resolved_by", f.text("resolved_by"));
      c.put("handle_minutes", f.number("handle_minutes"));
      c.put("ticket_date", dateOf(at));
    }
  },
  ASSIGNMENTS(Landing.ASSIGNMENTS, Table.ASSIGNMENTS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("user_id", f.id("user_id"));
      c.put("automation", f.id("automation"));
      String cohort = f.id("cohort");
      if (cohort != null && !cohort.equals("treatment") && !cohort.equals("holdout")) {
        f.problem(Reason.WRONG_TYPE, "cohort must be treatment or holdout: " + cohort);
      }
      c.put("cohort", cohort);
      c.put("assigned_at", f.timestamp("assigned_at", true));
    }
  },
  COSTS(Landing.COSTS, Table.COSTS) {
    @Override
    void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p) {
      c.put("date", f.date("date", true));
      c.put("automation", f.id("automation"));
      c.put("cost_type", f.id("cost_type"));
      c.put("amount", f.price("amount", true));
    }
  };

  /** The columns of an order line, nested in an order record until it is written. */
  static final StructType ORDER_LINE =
      new StructType()
          .add("line_no", DataTypes.IntegerType)
          .add("item_id", DataTypes.StringType)
          .add("variant", DataTypes.StringType)
          .add("quantity", DataTypes.IntegerType)
          .add("list_price", DataTypes.DoubleType)
          .add("unit_price", DataTypes.DoubleType);

  final Landing landing;
  final Table table;

  Source(Landing landing, Table table) {
    this.landing = landing;
    this.table = table;
  }

  /** Reads the record's fields into table columns; problems are noted in {@code f}. */
  abstract void columns(Fields f, JsonNode node, Map<String, Object> c, Pseudonymiser p);

  /**
   * What parsing yields: the table's columns but ingest_date, all nullable (+ lines for orders).
   */
  StructType parsedSchema() {
    StructType s = new StructType();
    for (StructField field : table.schema().fields()) {
      if (!field.name().equals("ingest_date")) {
        s = s.add(field.name(), field.dataType(), true);
      }
    }
    if (this == ORDERS) {
      s = s.add("lines", DataTypes.createArrayType(ORDER_LINE), true);
    }
    return s;
  }

  /** The parsed columns in schema order, or null when the record has a problem. */
  Object[] parse(Fields f, JsonNode node, Pseudonymiser p) {
    Map<String, Object> c = new LinkedHashMap<>();
    columns(f, node, c, p);
    if (f.reason() != null) {
      return null;
    }
    StructType schema = parsedSchema();
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = c.get(schema.fields()[i].name());
      values[i] =
          v instanceof List<?> l ? scala.jdk.javaapi.CollectionConverters.asScala(l).toSeq() : v;
    }
    return values;
  }

  /** Text a person typed (a search, a ticket): e-mails and phone numbers in it are hashed. */
  private static String freeText(String text, Pseudonymiser p) {
    return text == null ? null : new Redaction(p, null).mask(text);
  }

  private static Date dateOf(Timestamp ts) {
    return ts == null ? null : Date.valueOf(ts.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
  }
}
