package io.cxlake.models.kpi;

import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A handmade shop around run-date R, small enough to compute its KPIs by hand (see {@link
 * KpisTest}). Day A = R − 90 (both repeat windows closed), A + 20 and A + 60 (30-day window closed,
 * 90-day open), and R (both open); plus rows the window must ignore: A − 1 (a session that crosses
 * midnight into A, an order) and R + 1 (an order, an event, a return).
 */
final class KpiShop {
  static final LocalDate R = LocalDate.of(2026, 5, 1);
  static final LocalDate A = R.minusDays(90);

  final List<Row> events = new ArrayList<>();
  final List<Row> orders = new ArrayList<>();
  final List<Row> lines = new ArrayList<>();
  final List<Row> returns = new ArrayList<>();
  final List<Row> customers = new ArrayList<>();
  final List<Row> tickets = new ArrayList<>();

  KpiShop() {
    customer("u1", "EU");
    customer("u2", "EU");
    customer("u3", "US");
    customer("u4", "APAC"); // visits, never orders
    // u5 is not in customers: region 'unknown'.

    // A − 1: outside the window; s0 crosses midnight into A and belongs to A − 1.
    event("s0", "u1", "page_view", null, A.minusDays(1).atTime(23, 59, 50), null, null, "web");
    event("s0", "u1", "add_to_cart", "i1", A.atTime(0, 0, 10), 10.0, 1, "web");
    order("o0", "u1", A.minusDays(1).atTime(23, 0), "web", line("i9", 1, 99.0));

    // A, EU web: u1 acts after 40 s and orders o1; u2 searches after 30 s and orders o3.
    event("s1", "u1", "page_view", null, A.atTime(10, 0, 0), null, null, "web");
    event("s1", "u1", "product_view", "i1", A.atTime(10, 0, 20), 10.0, null, "web");
    event("s1", "u1", "add_to_cart", "i1", A.atTime(10, 0, 40), 10.0, 2, "web");
    event("s1", "u1", "checkout", null, A.atTime(10, 1, 0), null, null, "web");
    event("s1", "u1", "purchase", "i1", A.atTime(10, 1, 20), 10.0, 2, "web");
    event("s1", "u1", "purchase", "i2", A.atTime(10, 1, 20), 5.0, 1, "web");
    order("o1", "u1", A.atTime(10, 1, 20), "web", line("i1", 2, 10.0), line("i2", 1, 5.0));
    returned("r1", "o1", 1, "i1", "u1", 1, A.plusDays(5));
    event("s2", "u2", "page_view", null, A.atTime(11, 0, 0), null, null, "web");
    event("s2", "u2", "search", null, A.atTime(11, 0, 30), null, null, "web");
    event("s2", "u2", "purchase", "i1", A.atTime(11, 1, 0), 10.0, 1, "web");
    order("o3", "u2", A.atTime(11, 1, 0), "web", line("i1", 1, 10.0));
    // A, APAC web: a visitor who only looks.
    event("s3", "u4", "page_view", null, A.atTime(12, 0, 0), null, null, "web");
    event("s3", "u4", "product_view", "i2", A.atTime(12, 0, 20), 5.0, null, "web");

    // A + 20: u1 buys again in the app, with no events of that channel.
    order("o2", "u1", A.plusDays(20).atTime(9, 0), "app", line("i3", 1, 30.0));

    // A + 60, EU web: u2 buys again; s4 clicks i5 twice, then buys i5 and an unclicked i6; s5
    // clicks i6 but buys nothing in that session.
    LocalDate b = A.plusDays(60);
    event("s5", "u2", "page_view", null, b.atTime(8, 0, 0), null, null, "web");
    event("s5", "u2", "rec_impression", "i6", b.atTime(8, 0, 10), null, null, "web");
    event("s5", "u2", "rec_click", "i6", b.atTime(8, 0, 30), null, null, "web");
    event("s4", "u2", "page_view", null, b.atTime(9, 0, 0), null, null, "web");
    event("s4", "u2", "rec_impression", "i5", b.atTime(9, 0, 10), null, null, "web");
    event("s4", "u2", "rec_impression", "i6", b.atTime(9, 0, 10), null, null, "web");
    event("s4", "u2", "rec_click", "i5", b.atTime(9, 0, 20), null, null, "web");
    event("s4", "u2", "rec_impression", "i5", b.atTime(9, 0, 30), null, null, "web");
    event("s4", "u2", "rec_click", "i5", b.atTime(9, 0, 40), null, null, "web");
    event("s4", "u2", "purchase", "i5", b.atTime(9, 1, 0), 8.0, 1, "web");
    event("s4", "u2", "purchase", "i6", b.atTime(9, 1, 0), 4.0, 2, "web");
    order("o4", "u2", b.atTime(9, 1, 0), "web", line("i5", 1, 8.0), line("i6", 2, 4.0));
    returned("r3", "o4", null, "i6", "u2", 1, b.plusDays(5)); // no line_no: matched on the order

    // R: u3 browses in the app, orders with no channel; u5 (no customer row, no channel) searches
    // after 5 s; EU tickets by chat (bot in 30 min, agent in 3 h) and one open e-mail.
    event("s6", "u3", "page_view", null, R.atTime(10, 0, 0), null, null, "app");
    event("s6", "u3", "add_to_cart", "i7", R.atTime(10, 0, 20), 50.0, 1, "app");
    order("o5", "u3", R.atTime(10, 5), null, line("i7", 1, 50.0));
    returned("r2", "o5", 1, "i7", "u3", 1, R.plusDays(1)); // after R: not yet visible
    event("s7", "u5", "page_view", null, R.atTime(13, 0, 0), null, null, null);
    event("s7", "u5", "search", null, R.atTime(13, 0, 5), null, null, null);
    ticket("t1", "u1", R.atTime(10, 0), "chat", R.atTime(10, 30), "bot");
    ticket("t2", "u2", R.atTime(9, 0), "chat", R.atTime(12, 0), "agent");
    ticket("t3", "u1", R.atTime(15, 0), "email", null, null);

    // R + 1: after the run date.
    event("s8", "u3", "page_view", null, R.plusDays(1).atTime(8, 0), null, null, "app");
    order("o6", "u3", R.plusDays(1).atTime(8, 1), "app", line("i7", 1, 50.0));
  }

  Kpis.Inputs inputs(SparkSession spark) {
    return new Kpis.Inputs(
        frame(spark, events, Table.EVENTS),
        frame(spark, orders, Table.ORDERS),
        frame(spark, lines, Table.ORDER_LINES),
        frame(spark, returns, Table.RETURNS),
        frame(spark, customers, Table.CUSTOMERS),
        frame(spark, tickets, Table.TICKETS));
  }

  private static Dataset<Row> frame(SparkSession spark, List<Row> rows, Table t) {
    return spark.createDataFrame(rows, t.schema());
  }

  private static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  private static Date day(LocalDateTime t) {
    return Date.valueOf(t.toLocalDate());
  }

  private void customer(String user, String region) {
    Timestamp at = ts(A.minusDays(100).atStartOfDay());
    customers.add(
        RowFactory.create(
            user, null, null, region, null, null, true, true, true, at, Date.valueOf(A)));
  }

  private void event(
      String session,
      String user,
      String type,
      String item,
      LocalDateTime at,
      Double price,
      Integer qty,
      String channel) {
    events.add(
        RowFactory.create(
            "e" + events.size(),
            user,
            session,
            type,
            item,
            ts(at),
            price,
            qty,
            null,
            channel,
            "desktop",
            type.startsWith("rec_") ? "homepage_recs" : null,
            null,
            day(at),
            day(at)));
  }

  private record Line(String item, int qty, double unitPrice) {}

  private static Line line(String item, int qty, double unitPrice) {
    return new Line(item, qty, unitPrice);
  }

  private void order(String id, String user, LocalDateTime at, String channel, Line... ls) {
    double total = 0;
    for (int i = 0; i < ls.length; i++) {
      Line l = ls[i];
      total += l.qty() * l.unitPrice();
      lines.add(
          RowFactory.create(
              id,
              i + 1,
              user,
              l.item(),
              null,
              l.qty(),
              l.unitPrice(),
              l.unitPrice(),
              ts(at),
              day(at),
              day(at)));
    }
    orders.add(
        RowFactory.create(
            id, user, ts(at), channel, "desktop", ls.length, total, day(at), day(at)));
  }

  private void returned(
      String id, String order, Integer lineNo, String item, String user, int qty, LocalDate on) {
    returns.add(
        RowFactory.create(
            id,
            order,
            lineNo,
            item,
            user,
            qty,
            ts(on.atTime(12, 0)),
            "size",
            1.0,
            Date.valueOf(on),
            Date.valueOf(on)));
  }

  private void ticket(
      String id,
      String user,
      LocalDateTime created,
      String channel,
      LocalDateTime resolved,
      String by) {
    tickets.add(
        RowFactory.create(
            id,
            user,
            null,
            ts(created),
            channel,
            "Help",
            "where is my order",
            ts(resolved),
            by,
            null,
            day(created),
            day(created)));
  }
}
